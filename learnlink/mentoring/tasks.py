"""Background work of the mentoring app: each tool's tasks, in its own package, are imported
here, where Huey looks for them."""

from learnlink.mentoring.labels.tasks import label_new_posts, retrain_labeller

__all__ = ["label_new_posts", "retrain_labeller"]
