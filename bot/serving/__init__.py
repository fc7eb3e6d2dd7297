"""Serving: the one door front ends use, its limits, front-end plug-ins and `storybot run`."""
