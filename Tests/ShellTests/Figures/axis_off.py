# Show a photo without axes, with a title.
import os
from matplotlib import pyplot as plt
from PIL import Image

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(BASE_DIR, '..', '..', '..', 'examples', 'astronaut.png')

img = Image.open(PATH)
plt.imshow(img)
plt.axis('off')
plt.title('astronaut')
plt.show()
