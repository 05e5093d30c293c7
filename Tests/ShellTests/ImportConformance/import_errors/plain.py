x = 1
__all__ = ["x", "missing"]
