from c import early
late = 2
