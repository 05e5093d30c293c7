print("before")
x = b"é"
