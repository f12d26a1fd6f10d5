#include "settings/appearance.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace appearance {
namespace {

const QString kKey = QStringLiteral("Interface/appearance");

// What the platform gave before any change of ours, to return to on System.
struct PlatformLook {
  QString style;
  QPalette palette;
};

const PlatformLook& platformLook() {
  static const PlatformLook look{QApplication::style() ? QApplication::style()->name() : QString(),
                                 QApplication::palette()};
  return look;
}

QPalette darkPalette() {
  // Greys with enough contrast for text (white on #2b2b2b is about 14:1) and a blue that reads
  // on both the window and the base colours.
  QPalette p;
  const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe8, 0xe8, 0xe8);
  const QColor disabledText(0x80, 0x80, 0x80), highlight(0x3d, 0x8e, 0xd8);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
  p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, disabledText);
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::red);
  p.setColor(QPalette::Light, QColor(0x48, 0x48, 0x48));
  p.setColor(QPalette::Midlight, QColor(0x3c, 0x3c, 0x3c));
  p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
  p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
  p.setColor(QPalette::Shadow, Qt::black);
  p.setColor(QPalette::Highlight, highlight);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
  p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
  for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, disabledText);
  return p;
}

}  // namespace

Scheme chosen() {
  const QString value = QSettings().value(kKey).toString();
  if (value == QLatin1String("light")) return Scheme::Light;
  if (value == QLatin1String("dark")) return Scheme::Dark;
  return Scheme::System;
}

void choose(Scheme scheme) {
  QSettings settings;
  if (scheme == Scheme::System)
    settings.remove(kKey);
  else
    settings.setValue(kKey, scheme == Scheme::Light ? QStringLiteral("light") : QStringLiteral("dark"));
}

QPalette palette(Scheme scheme) {
  switch (scheme) {
    case Scheme::Light: {
      QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
      const QPalette light = fusion ? fusion->standardPalette() : platformLook().palette;
      delete fusion;
      return light;
    }
    case Scheme::Dark:
      return darkPalette();
    case Scheme::System:
      break;
  }
  return platformLook().palette;
}

void apply(Scheme scheme) {
  const PlatformLook& platform = platformLook();  // remembered before the first change
  QApplication::setStyle(scheme == Scheme::System ? platform.style : QStringLiteral("Fusion"));
  QApplication::setPalette(palette(scheme));
}

bool isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightness() < 128; }

}  // namespace appearance
