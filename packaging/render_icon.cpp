// Renders the application's SVG icon as square PNGs for the hicolor theme's fixed sizes, which
// some desktops (and lintian's checks of a package's icons) still expect beside the scalable one.
//   render_icon <icon.svg> <output folder> <size>...
// writes <output folder>/<size>x<size>/apps/<name>.png for each size, named after the SVG.
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char* argv[]) {
  QGuiApplication app(argc, argv);
  const QStringList args = app.arguments();
  if (args.size() < 4) {
    std::fprintf(stderr, "usage: render_icon <icon.svg> <output folder> <size>...\n");
    return 2;
  }
  QSvgRenderer svg(args[1]);
  if (!svg.isValid()) {
    std::fprintf(stderr, "render_icon: %s is not a readable SVG file\n", qPrintable(args[1]));
    return 1;
  }
  const QString name = QFileInfo(args[1]).completeBaseName();
  for (qsizetype i = 3; i < args.size(); ++i) {
    bool ok = false;
    const int side = args[i].toInt(&ok);
    if (!ok || side <= 0) {
      std::fprintf(stderr, "render_icon: size '%s' is not a positive whole number\n", qPrintable(args[i]));
      return 2;
    }
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    const QString folder = QStringLiteral("%1/%2x%2/apps").arg(args[2]).arg(side);
    const QString file = QStringLiteral("%1/%2.png").arg(folder, name);
    if (!QDir().mkpath(folder) || !image.save(file)) {
      std::fprintf(stderr, "render_icon: cannot write %s\n", qPrintable(file));
      return 1;
    }
  }
  return 0;
}
