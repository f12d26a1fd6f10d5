#include "settings/interface_language.h"

#include <QCoreApplication>
#include <QSettings>

namespace interface_language {
namespace {

const QString kKey = QStringLiteral("Interface/language");

}  // namespace

QList<Language> available() {
  QList<Language> languages{{QString(), QCoreApplication::translate("InterfaceLanguage", "System language")},
                            {QStringLiteral("en"), QStringLiteral("English")}};
  // Named as each language names itself, so a user who cannot read the current one finds theirs.
  for (const QString& code : {QStringLiteral("de"), QStringLiteral("zh_CN")}) {
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (locale.script() == QLocale::SimplifiedHanScript) name = QStringLiteral("简体中文");
    languages.append({code, name.left(1).toUpper() + name.mid(1)});
  }
  return languages;
}

QString chosen() { return QSettings().value(kKey).toString(); }

void choose(const QString& code) {
  QSettings settings;
  if (code.isEmpty())
    settings.remove(kKey);
  else
    settings.setValue(kKey, code);
}

QLocale locale() {
  const QString code = chosen();
  return code.isEmpty() ? QLocale::system() : QLocale(code);
}

}  // namespace interface_language
