// The language of the app's interface: the system's by default, or one the user chose under
// View > Language (QSettings "Interface/language"), applied when the app starts.
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace interface_language {

struct Language {
  QString code;        // "" for the system's language, else a locale name ("de", "zh_CN")
  QString nativeName;  // as its speakers write it ("Deutsch", "简体中文")
};

// The system's entry first, then English and every language the app has a translation for.
QList<Language> available();
// The code stored in the settings ("" when the user never chose, or chose the system's).
QString chosen();
void choose(const QString& code);
// The locale to translate and format for: the chosen language's, else the system's.
QLocale locale();

}  // namespace interface_language
