"""StoryBot's platform-neutral core: knowledge, matching and the command line."""
