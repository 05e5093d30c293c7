x = b"a" "c"
