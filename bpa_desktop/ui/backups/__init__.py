"""Backups: the restore dialog over ws.backups."""
