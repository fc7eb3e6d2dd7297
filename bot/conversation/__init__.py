"""Conversation: the asker's last turn, follow-ups, wrong premises and feedback."""
