// Runs tests/python/reference_dino.py with the project's Python (the venv that holds torch).
#pragma once

#include <QString>
#include <QStringList>

namespace dino::test {

struct PythonResult {
  bool ok = false;
  QString output;  // stdout
  QString error;   // stderr, or why the interpreter did not run
};

// Empty when the build has no Python configured (DINO_PYTHON unset), e.g. a bare LibTorch.
QString python_interpreter();
PythonResult run_reference_script(const QStringList& arguments, int timeout_ms = 120000);

}  // namespace dino::test
