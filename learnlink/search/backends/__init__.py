"""The two engines behind `learnlink.search.engine`, and the work they share."""
