"""The knowledge app: the network's library of practices and how each one travelled."""
