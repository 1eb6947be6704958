"""The desktop side of sync: the Synk page's parts, the status-bar line and the controller
that runs the sync worker (bpa_desktop/ui/sync_worker.py) while an arrangement is enrolled."""
