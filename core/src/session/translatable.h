// Marks a string that the app translates: the core keeps the English text and the app looks it up
// with QCoreApplication::translate(context, text). lupdate reads DINO_TEXT as QT_TRANSLATE_NOOP
// (app/CMakeLists.txt passes it -tr-function-alias), so the core needs no Qt for this.
#pragma once

#define DINO_TEXT(context, text) text
