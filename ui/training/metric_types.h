// Metric records as Qt values, so they cross threads over queued connections.
#pragma once

#include <dino/session/metric_record.h>

#include <QList>
#include <QMetaType>

using MetricRecords = QList<dino::MetricRecord>;

Q_DECLARE_METATYPE(dino::MetricRecord)
Q_DECLARE_METATYPE(MetricRecords)
