"""Writes the images the thumbnail tests read (Tests/SimpulCoreTests/Fixtures/images).

Each is a 96x64 picture of four flat quadrants (red, green, blue, yellow), saved by Pillow's
encoders in the shapes phones and editors produce: baseline and progressive JPEG, 4:2:0 and
4:4:4 chroma, greyscale, restart markers, an EXIF orientation; PNG as RGB, RGBA, palette,
16-bit grey and 1-bit; GIF still, interlaced and animated. Run: pip install pillow && python3 make_fixtures.py OUT_DIR
"""
import sys
from PIL import Image

QUADRANTS = [(220, 30, 30), (30, 180, 60), (30, 60, 200), (240, 220, 40)]


def picture(width=96, height=64):
    image = Image.new("RGB", (width, height))
    for y in range(height):
        for x in range(width):
            image.putpixel((x, y), QUADRANTS[(2 if y >= height // 2 else 0) + (1 if x >= width // 2 else 0)])
    return image


def main(out):
    base = picture()
    base.save(f"{out}/baseline-420.jpg", quality=92, subsampling=2)
    base.save(f"{out}/baseline-444.jpg", quality=92, subsampling=0)
    base.save(f"{out}/progressive.jpg", quality=92, progressive=True)
    base.convert("L").save(f"{out}/grey.jpg", quality=92)
    base.save(f"{out}/restart.jpg", quality=92, restart_marker_blocks=3)
    exif = Image.Exif()
    exif[0x0112] = 6
    # Stored as the camera saw it (the picture turned a quarter to the left); orientation 6 turns it back.
    base.transpose(Image.Transpose.ROTATE_90).save(f"{out}/orientation-6.jpg", quality=92, exif=exif)
    base.save(f"{out}/rgb.png")
    rgba = base.convert("RGBA")
    rgba.putalpha(128)
    rgba.save(f"{out}/rgba-half.png")
    base.quantize(colors=4).save(f"{out}/palette.png")
    # 16-bit grey: each 8-bit level v spread to the full range as v * 257.
    base.convert("L").convert("I").point(lambda v: v * 257).convert("I;16").save(f"{out}/grey16.png")
    base.convert("1").save(f"{out}/bilevel.png")
    base.save(f"{out}/still.gif", interlace=False)
    base.save(f"{out}/interlaced.gif", interlace=True)
    second = picture().transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    base.save(f"{out}/animated.gif", save_all=True, append_images=[second], duration=200, loop=0)
    picture(1600, 1200).save(f"{out}/large.jpg", quality=85)


if __name__ == "__main__":
    main(sys.argv[1])
