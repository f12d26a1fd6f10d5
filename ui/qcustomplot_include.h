// QCustomPlot's header uses Qt's `signals` and `foreach` keywords, which the project turns off
// (QT_NO_KEYWORDS: they collide with names in LibTorch's headers). Include QCustomPlot through this
// file, which lends it the keywords for the duration of the include.
#pragma once

#ifdef QT_NO_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
#else
#include <qcustomplot.h>
#endif
