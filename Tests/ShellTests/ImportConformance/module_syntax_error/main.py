print("before")
import broken
