print("running counter.py")
count = 0
