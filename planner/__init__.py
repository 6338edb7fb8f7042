"""Skill Planner: job-rejection feedback in, dated learning roadmap out."""
