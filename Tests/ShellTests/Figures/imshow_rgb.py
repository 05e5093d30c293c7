# Show a photo with plt.imshow (a 512x512 RGB PIL image).
import os
from matplotlib import pyplot as plt
from PIL import Image

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(BASE_DIR, '..', '..', '..', 'examples', 'astronaut.png')

img = Image.open(PATH)
plt.imshow(img)
plt.show()
