"""Matching: from a question's text to ranked entries, their evidence and one decision."""
