"""Assistent ved bordet: an assistant at the recipient's table chooses their name, enters their
PIN and sees only their own month; proposals and the month's confirmation go to the leader."""
