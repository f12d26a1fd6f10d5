// The settings the configuration panel shows: key (as in config.json and `dino train --key`),
// group, label, editor and tooltip. Labels and tooltips go through tr().
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

struct ConfigField {
  enum class Kind { Integer, Real, Boolean, Choice, Text, Folder, RealPair };
  QString key;
  QString group;
  QString label;
  Kind kind;
  QString tooltip;
  QStringList choices;           // Choice
  qint64 minimum = 0, maximum = 1 << 30;  // Integer
};

// The groups in display order, then every field.
QStringList configGroups();
const QVector<ConfigField>& configFields();
