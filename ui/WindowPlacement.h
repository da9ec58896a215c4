#pragma once

class QWidget;

// Keeps a restored top-level window usable: a layout saved on a larger screen, or at a smaller scale
// factor (QT_SCALE_FACTOR=2 halves the screen in device-independent pixels), must not leave the window
// larger than the screen or off it, or parts of it (the details panel) cannot be reached.
// Shrinks the window to the available geometry of its screen (the primary one if it is on none) and
// moves it onto that screen; a window not shown yet is fitted again once shown, with its frame. A
// maximized or full-screen window is left to the window manager.
void fitWindowOnScreen(QWidget *window);
