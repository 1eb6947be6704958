from bpa_desktop.app import main

raise SystemExit(main())
