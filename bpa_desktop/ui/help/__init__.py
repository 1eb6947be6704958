"""The Help menu: keyboard shortcuts and About."""
