// The `dino` command-line tool as the app runs it in child processes (evaluations, training runs
// of several processes): where it is, and how a child is tied to the app's life.
#pragma once

#include <QString>

class QProcess;

// The `dino` beside this program, else the one on PATH; empty when there is none.
QString commandLineToolPath();

// The child ends with the app, even when the app is killed: a run or probe left going would hold
// the cores with nobody to read it. Call before QProcess::start.
void endWithThisApp(QProcess& process);
