#include "python_reference.h"

#include <QProcess>

namespace dino::test {

QString python_interpreter() { return QString::fromUtf8(DINO_TEST_PYTHON); }

PythonResult run_reference_script(const QStringList& arguments, int timeout_ms) {
  PythonResult result;
  QProcess process;
  process.start(python_interpreter(), QStringList{QString::fromUtf8(DINO_REFERENCE_SCRIPT)} + arguments);
  if (!process.waitForFinished(timeout_ms)) {
    result.error = QStringLiteral("python did not finish: ") + process.errorString();
    process.kill();
    return result;
  }
  result.output = QString::fromUtf8(process.readAllStandardOutput());
  result.error = QString::fromUtf8(process.readAllStandardError());
  result.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
  return result;
}

}  // namespace dino::test
