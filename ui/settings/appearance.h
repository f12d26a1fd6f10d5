// Light or dark: the app follows the desktop's palette by default (a dark GTK or Plasma theme
// gives Qt a dark palette), or the scheme chosen under View > Appearance, applied at once and
// kept in QSettings ("Interface/appearance").
#pragma once

#include <QPalette>

namespace appearance {

enum class Scheme { System, Light, Dark };

Scheme chosen();
void choose(Scheme scheme);
// Sets the application's style and palette for `scheme`: System restores what the platform gave
// at start; Light and Dark use the Fusion style with a light or a dark palette.
void apply(Scheme scheme);
// Fusion's palette for the scheme (System: the platform's, as at start).
QPalette palette(Scheme scheme);
// A palette whose window is darker than mid-grey.
bool isDark(const QPalette& palette);

}  // namespace appearance
