"""Backups, encryption and erasure dialogs over ws.backups, ws.encryption and ws.data_rights."""


def pause_sync(ctx) -> None:
    """Before the database file is swapped (a restore, an encryption): no sync pass may hold a
    connection to the old file. ``resume_sync`` starts it again once the new file is open."""
    if getattr(ctx, "sync", None) is not None:
        ctx.sync.stop()


def resume_sync(ctx) -> None:
    if getattr(ctx, "sync", None) is not None:
        ctx.sync.check_enrolment()
