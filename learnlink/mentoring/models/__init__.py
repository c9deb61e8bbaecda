"""The mentors' records: each tool's models live in a module of their own, named for it."""
