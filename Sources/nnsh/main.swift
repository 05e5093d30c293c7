print("nnsh")
