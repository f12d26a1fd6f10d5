<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AttentionControls</name>
    <message>
        <source>Layer:</source>
        <translation>Schicht:</translation>
    </message>
    <message>
        <source>last</source>
        <translation>letzte</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>original size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>Mass threshold</source>
        <translation>Massen-Schwellenwert</translation>
    </message>
    <message>
        <source>Keep the patches that hold this fraction of each head&apos;s attention (the reference&apos;s masks)</source>
        <translation>Die Patches behalten, die diesen Anteil der Aufmerksamkeit jedes Kopfes tragen (die Masken der Referenz)</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>Farben:</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>Deckkraft:</translation>
    </message>
    <message>
        <source>100: the map alone, as the reference draws it; lower shows the image through it</source>
        <translation>100: nur die Karte, wie die Referenz sie zeichnet; niedrigere Werte lassen das Bild durchscheinen</translation>
    </message>
    <message>
        <source>One scale for all heads</source>
        <translation>Eine Skala für alle Köpfe</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>Attention rollout across all layers (Abnar and Zuidema, 2020)</source>
        <translation>Attention-Rollout über alle Schichten (Abnar und Zuidema, 2020)</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>The first three principal components of the patch features as RGB</source>
        <translation>Die ersten drei Hauptkomponenten der Patch-Merkmale als RGB</translation>
    </message>
    <message>
        <source>Student too</source>
        <translation>Mit Schüler</translation>
    </message>
    <message>
        <source>Teacher and student of a training checkpoint side by side, with their difference (blue: the student attends more, red: the teacher does)</source>
        <translation>Lehrer und Schüler eines Trainings-Checkpoints nebeneinander, mit ihrer Differenz (blau: der Schüler richtet mehr Aufmerksamkeit darauf, rot: der Lehrer)</translation>
    </message>
    <message>
        <source>Figure 3 style</source>
        <translation>Stil wie Abb. 3</translation>
    </message>
    <message>
        <source>The masks of every head in one picture, one colour per head, as the paper&apos;s Figure 3 (uses the mass threshold)</source>
        <translation>Die Masken aller Köpfe in einem Bild, eine Farbe pro Kopf, wie in Abbildung 3 des Papers (verwendet den Massen-Schwellenwert)</translation>
    </message>
    <message>
        <source>all heads</source>
        <translation>alle Köpfe</translation>
    </message>
    <message>
        <source>Heads for the Figure 3 picture, e.g. 0 2 5 (empty: all)</source>
        <translation>Köpfe für das Bild im Stil von Abbildung 3, z. B. 0 2 5 (leer: alle)</translation>
    </message>
    <message>
        <source>From CLS</source>
        <translation>Von CLS</translation>
    </message>
    <message>
        <source>Show the attention of the CLS token again (click a patch to see the attention from it)</source>
        <translation>Wieder die Aufmerksamkeit des CLS-Tokens zeigen (klicken Sie auf einen Patch, um die von ihm ausgehende Aufmerksamkeit zu sehen)</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>Exportieren...</translation>
    </message>
    <message>
        <source>The view on display: every tile as PNG, a labelled grid as PNG, SVG and PDF, the raw maps as .npy and figure.json saying how it was made</source>
        <translation>Die angezeigte Ansicht: jede Kachel als PNG, ein beschriftetes Raster als PNG, SVG und PDF, die Rohkarten als .npy sowie figure.json mit Angaben zur Entstehung</translation>
    </message>
    <message>
        <source>Export Folder...</source>
        <translation>Ordner exportieren...</translation>
    </message>
    <message>
        <source>Every image of a folder with this model and these settings, a sub-folder of figures each</source>
        <translation>Jedes Bild eines Ordners mit diesem Modell und diesen Einstellungen, je ein Unterordner mit Abbildungen</translation>
    </message>
    <message>
        <source>Cancel Batch Export</source>
        <translation>Stapelexport abbrechen</translation>
    </message>
    <message>
        <source>The input the model sees. It follows the model: 480 px for patch 8 and 16 models (the reference&apos;s), the training crop for others; larger inputs cost quadratically more</source>
        <translation>Die Eingabe, die das Modell sieht. Sie richtet sich nach dem Modell: 480 px für Modelle mit Patchgröße 8 und 16 (wie in der Referenz), sonst der Trainingsausschnitt; größere Eingaben kosten quadratisch mehr</translation>
    </message>
    <message>
        <source>smaller, to fit the limits</source>
        <translation>kleiner, passend zu den Grenzen</translation>
    </message>
    <message>
        <source>the reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>the model&apos;s training crop</source>
        <translation>Trainingsausschnitt des Modells</translation>
    </message>
    <message>
        <source>%1 x %1 (%2)</source>
        <translation>%1 x %1 (%2)</translation>
    </message>
    <message>
        <source>shorter side %1, aspect kept</source>
        <translation>kürzere Seite %1, Seitenverhältnis beibehalten</translation>
    </message>
    <message>
        <source>to fit the limits</source>
        <translation>passend zu den Grenzen</translation>
    </message>
</context>
<context>
    <name>AttentionExplorer</name>
    <message>
        <source>Open Images...</source>
        <translation>Bilder öffnen...</translation>
    </message>
    <message>
        <source>Weights...</source>
        <translation>Gewichte...</translation>
    </message>
    <message>
        <source>A DINO weights file or training checkpoint; the architecture is inferred from its tensors</source>
        <translation>Eine DINO-Gewichtsdatei oder ein Trainings-Checkpoint; die Architektur wird aus den Tensoren abgeleitet</translation>
    </message>
    <message>
        <source>Random ViT-S/16</source>
        <translation>Zufälliges ViT-S/16</translation>
    </message>
    <message>
        <source>Training Teacher</source>
        <translation>Trainings-Lehrer</translation>
    </message>
    <message>
        <source>No model: choose weights, the training teacher or random weights.</source>
        <translation>Kein Modell: Wählen Sie Gewichte, den Lehrer des Trainings oder zufällige Gewichte.</translation>
    </message>
    <message>
        <source>Drop images here, paste one, or use Open Images.</source>
        <translation>Ziehen Sie Bilder hierher, fügen Sie eines ein oder verwenden Sie „Bilder öffnen“.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>DINO weights</source>
        <translation>DINO-Gewichte</translation>
    </message>
    <message>
        <source>PyTorch files (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch-Dateien (*.pth *.pt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Training teacher</source>
        <translation>Trainings-Lehrer</translation>
    </message>
    <message>
        <source>Folder for the figures</source>
        <translation>Ordner für die Abbildungen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>pasted %1</source>
        <translation>eingefügt %1</translation>
    </message>
    <message>
        <source>%1 is not an image this app can read.</source>
        <translation>%1 ist kein Bild, das diese Anwendung lesen kann.</translation>
    </message>
    <message>
        <source>Computing %1...</source>
        <translation>%1 wird berechnet...</translation>
    </message>
    <message>
        <source>Click a patch to see the attention from it.</source>
        <translation>Klicken Sie auf einen Patch, um die von ihm ausgehende Aufmerksamkeit zu sehen.</translation>
    </message>
    <message>
        <source>the CLS token</source>
        <translation>dem CLS-Token</translation>
    </message>
    <message>
        <source>patch (row %1, column %2)</source>
        <translation>Patch (Zeile %1, Spalte %2)</translation>
    </message>
    <message>
        <source>dropped %1</source>
        <translation>abgelegt %1</translation>
    </message>
    <message>
        <source>Pin Probe</source>
        <translation>Testbild anheften</translation>
    </message>
    <message>
        <source>Keep this image&apos;s maps at every checkpoint of the run (checkpoint*.pth beside the weights) and scrub through them</source>
        <translation>Die Karten dieses Bildes für jeden Checkpoint des Laufs festhalten (checkpoint*.pth neben den Gewichten) und per Schieberegler durchgehen</translation>
    </message>
    <message>
        <source>Through training: pin a probe image</source>
        <translation>Im Trainingsverlauf: Testbild anheften</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Schüler</translation>
    </message>
    <message>
        <source>The student exists only in a training checkpoint: load one with Weights or Training Teacher.</source>
        <translation>Den Schüler gibt es nur in einem Trainings-Checkpoint: Laden Sie einen über „Gewichte“ oder „Trainings-Lehrer“.</translation>
    </message>
    <message>
        <source>%1 has no student that fits: %2</source>
        <translation>%1 enthält keinen passenden Schüler: %2</translation>
    </message>
    <message>
        <source>Pin a probe with a training checkpoint loaded (Weights or Training Teacher) and an image.</source>
        <translation>Heften Sie ein Testbild an, wenn ein Trainings-Checkpoint (über „Gewichte“ oder „Trainings-Lehrer“) und ein Bild geladen sind.</translation>
    </message>
    <message>
        <source>No checkpoint*.pth beside %1.</source>
        <translation>Keine checkpoint*.pth neben %1.</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source> Computed in %1 ms.</source>
        <translation> Berechnet in %1 ms.</translation>
    </message>
    <message>
        <source>%1: layer %2, %3 heads on a %4 x %5 grid, attention from %6.%7%8</source>
        <translation>%1: Schicht %2, %3 Köpfe auf einem %4 x %5-Raster, Aufmerksamkeit ausgehend von %6.%7%8</translation>
    </message>
    <message>
        <source>Folder of images</source>
        <translation>Ordner mit Bildern</translation>
    </message>
    <message numerus="yes">
        <source>Batch export stopped: %n image(s) written.</source>
        <translation>
            <numerusform>Stapelexport angehalten: %n Bild geschrieben.</numerusform>
            <numerusform>Stapelexport angehalten: %n Bilder geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch export done: %n image(s) written.</source>
        <translation>
            <numerusform>Stapelexport abgeschlossen: %n Bild geschrieben.</numerusform>
            <numerusform>Stapelexport abgeschlossen: %n Bilder geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be exported: %1</source>
        <translation>
            <numerusform>%n konnte nicht exportiert werden: %1</numerusform>
            <numerusform>%n konnten nicht exportiert werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch export needs a model: choose weights, the training teacher or random weights.</source>
        <translation>Der Stapelexport braucht ein Modell: Wählen Sie Gewichte, den Lehrer des Trainings oder zufällige Gewichte.</translation>
    </message>
    <message>
        <source>%1 holds no images.</source>
        <translation>%1 enthält keine Bilder.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n image(s)...</source>
        <translation>
            <numerusform>%n Bild wird exportiert...</numerusform>
            <numerusform>%n Bilder werden exportiert...</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 of %2 images to %3</source>
        <translation>%1 von %2 Bildern nach %3 exportiert</translation>
    </message>
    <message>
        <source>Start or follow a run: its teacher can be shown here once it has a checkpoint</source>
        <translation>Starten oder verfolgen Sie einen Lauf: Sein Lehrer kann hier angezeigt werden, sobald es einen Checkpoint gibt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this computation; the view on display stays (Esc)</source>
        <translation>Diese Berechnung abbrechen; die angezeigte Ansicht bleibt (Esc)</translation>
    </message>
    <message>
        <source>Compute Anyway</source>
        <translation>Trotzdem berechnen</translation>
    </message>
    <message>
        <source>Compute the refused input once without the limits; Cancel stops it</source>
        <translation>Die abgelehnte Eingabe einmalig ohne Grenzen berechnen; „Abbrechen“ hält die Berechnung an</translation>
    </message>
    <message>
        <source>The teacher of %1, reloaded whenever a new checkpoint lands</source>
        <translation>Der Lehrer von %1, neu geladen, sobald ein neuer Checkpoint eintrifft</translation>
    </message>
    <message>
        <source>No checkpoint yet: the run writes %1 at the end of every epoch and when it is stopped</source>
        <translation>Noch kein Checkpoint: Der Lauf schreibt %1 am Ende jeder Epoche und beim Stoppen</translation>
    </message>
    <message>
        <source>%1 patches, %2</source>
        <translation>%1 Patches, %2</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>unter einer Sekunde</translation>
    </message>
    <message>
        <source>Computing %1 (%2)...</source>
        <translation>%1 wird berechnet (%2)...</translation>
    </message>
    <message>
        <source>Cancelled; the view shows the last computation.</source>
        <translation>Abgebrochen; die Ansicht zeigt die letzte Berechnung.</translation>
    </message>
    <message>
        <source>Not computed: %1.</source>
        <translation>Nicht berechnet: %1.</translation>
    </message>
    <message>
        <source>Use %1 (%2)</source>
        <translation>%1 verwenden (%2)</translation>
    </message>
    <message>
        <source>No smaller input fits.</source>
        <translation>Keine kleinere Eingabe passt.</translation>
    </message>
    <message>
        <source>The colour map of the tiles</source>
        <translation>Die Farbskala der Kacheln</translation>
    </message>
    <message>
        <source>%1 to %2, one scale for every head</source>
        <translation>%1 bis %2, eine Skala für alle Köpfe</translation>
    </message>
    <message>
        <source>each head from its own least (left) to its most attention (right)</source>
        <translation>jeder Kopf von seiner geringsten (links) bis zu seiner höchsten Aufmerksamkeit (rechts)</translation>
    </message>
    <message>
        <source>The probe was cancelled.</source>
        <translation>Testbild-Berechnung abgebrochen.</translation>
    </message>
    <message>
        <source>No checkpoint could be shown: %1</source>
        <translation>Kein Checkpoint konnte angezeigt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s) left out: %1</source>
        <translation>
            <numerusform>%n Checkpoint ausgelassen: %1</numerusform>
            <numerusform>%n Checkpoints ausgelassen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(stopped after %1 of %2 checkpoints)</source>
        <translation>(nach %1 von %2 Checkpoints angehalten)</translation>
    </message>
    <message>
        <source>%1 changed since these maps were computed (a new checkpoint): show them again before exporting.</source>
        <translation>%1 hat sich seit der Berechnung dieser Karten geändert (ein neuer Checkpoint): Lassen Sie sie vor dem Exportieren erneut anzeigen.</translation>
    </message>
    <message numerus="yes">
        <source>Computing the maps at %n checkpoint(s)...</source>
        <translation>
            <numerusform>Karten für %n Checkpoint werden berechnet...</numerusform>
            <numerusform>Karten für %n Checkpoints werden berechnet...</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare With...</source>
        <translation>Vergleichen mit...</translation>
    </message>
    <message>
        <source>Another run&apos;s teacher (its checkpoint.pth) or any weights, under this model&apos;s maps, with their difference</source>
        <translation>Der Lehrer eines anderen Laufs (seine checkpoint.pth) oder beliebige Gewichte, unter den Karten dieses Modells, mit ihrer Differenz</translation>
    </message>
    <message>
        <source>Weights to compare with</source>
        <translation>Gewichte zum Vergleich</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>Stop Comparing</source>
        <translation>Vergleich beenden</translation>
    </message>
    <message>
        <source>Compared with %1</source>
        <translation>Verglichen mit %1</translation>
    </message>
    <message>
        <source>random weights</source>
        <translation>zufällige Gewichte</translation>
    </message>
    <message>
        <source>%1 (compared)</source>
        <translation>%1 (verglichen)</translation>
    </message>
    <message>
        <source>Beside it: the teacher of %1 (%2)</source>
        <translation>Daneben: der Lehrer von %1 (%2)</translation>
    </message>
</context>
<context>
    <name>AttentionFigure</name>
    <message>
        <source>head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>mean of the heads</source>
        <translation>Mittel der Köpfe</translation>
    </message>
    <message>
        <source>rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>PCA of the patch features</source>
        <translation>PCA der Patch-Merkmale</translation>
    </message>
    <message>
        <source>heads in colour (Figure 3 style)</source>
        <translation>Köpfe in Farbe (Stil wie Abb. 3)</translation>
    </message>
    <message>
        <source>head %1, mass %2</source>
        <translation>Kopf %1, Masse %2</translation>
    </message>
    <message>
        <source>Nothing to export yet: load a model and an image.</source>
        <translation>Noch nichts zu exportieren: Laden Sie ein Modell und ein Bild.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>DINO Studio attention maps</source>
        <translation>DINO Studio – Attention-Karten</translation>
    </message>
    <message>
        <source>Cannot write the grid figures in %1.</source>
        <translation>Die Rasterabbildungen können nicht in %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>Lehrer</translation>
    </message>
    <message>
        <source>student</source>
        <translation>Schüler</translation>
    </message>
    <message>
        <source>%1 head %2</source>
        <translation>%1, Kopf %2</translation>
    </message>
    <message>
        <source>%1 mean</source>
        <translation>%1, Mittel</translation>
    </message>
    <message>
        <source>%1 - %2, head %3</source>
        <translation>%1 − %2, Kopf %3</translation>
    </message>
    <message>
        <source>%1 - %2, mean</source>
        <translation>%1 − %2, Mittel</translation>
    </message>
</context>
<context>
    <name>ConfigPanel</name>
    <message>
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Choose a recipe...</source>
        <translation>Vorlage wählen...</translation>
    </message>
    <message>
        <source>auto (a GPU when there is one)</source>
        <translation>auto (eine GPU, falls vorhanden)</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 ist keine Zahl</translation>
    </message>
    <message>
        <source>two numbers, min and max</source>
        <translation>zwei Zahlen, Minimum und Maximum</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>Scanning %1...</source>
        <translation>%1 wird durchsucht...</translation>
    </message>
    <message>
        <source>Not supported by the chosen device (%1)</source>
        <translation>Vom gewählten Gerät nicht unterstützt (%1)</translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation>%1, bearbeitet</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) in %1</source>
        <translation>
            <numerusform>%Ln Bild in %1</numerusform>
            <numerusform>%Ln Bilder in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln class(es)</source>
        <translation>
            <numerusform>%Ln Klasse</numerusform>
            <numerusform>%Ln Klassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln Bild</numerusform>
            <numerusform>%Ln Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (MNIST layout)</source>
        <translation>%1 (MNIST-Format)</translation>
    </message>
    <message>
        <source>cpu (the server&apos;s processor)</source>
        <translation>cpu (der Prozessor des Servers)</translation>
    </message>
    <message>
        <source>cuda (the server&apos;s first GPU)</source>
        <translation>cuda (die erste GPU des Servers)</translation>
    </message>
    <message>
        <source>The images are read on %1 when the run starts.</source>
        <translation>Die Bilder werden beim Start des Laufs auf %1 gelesen.</translation>
    </message>
</context>
<context>
    <name>CropPreviewPanel</name>
    <message>
        <source>New sample</source>
        <translation>Neues Beispiel</translation>
    </message>
    <message>
        <source>Another image of the data set, freshly augmented</source>
        <translation>Ein anderes Bild des Datensatzes, neu augmentiert</translation>
    </message>
    <message>
        <source>The original image with the crop boxes: global crops in blue, local crops in orange</source>
        <translation>Das Originalbild mit den Ausschnittsrahmen: globale Ausschnitte in Blau, lokale Ausschnitte in Orange</translation>
    </message>
    <message>
        <source>Opening the data...</source>
        <translation>Daten werden geöffnet...</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>Global crop %1</source>
        <translation>Globaler Ausschnitt %1</translation>
    </message>
    <message>
        <source>Local crop %1</source>
        <translation>Lokaler Ausschnitt %1</translation>
    </message>
    <message>
        <source>box: x %1, y %2, %3 x %4 px of the original</source>
        <translation>Rahmen: x %1, y %2, %3 x %4 px des Originals</translation>
    </message>
    <message>
        <source>output: %1 x %2 px</source>
        <translation>Ausgabe: %1 x %2 px</translation>
    </message>
    <message>
        <source>flipped horizontally</source>
        <translation>horizontal gespiegelt</translation>
    </message>
    <message>
        <source>not flipped</source>
        <translation>nicht gespiegelt</translation>
    </message>
    <message>
        <source>brightness</source>
        <translation>Helligkeit</translation>
    </message>
    <message>
        <source>contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <source>saturation</source>
        <translation>Sättigung</translation>
    </message>
    <message>
        <source>hue</source>
        <translation>Farbton</translation>
    </message>
    <message>
        <source>colour jitter: brightness %1, contrast %2, saturation %3, hue %4</source>
        <translation>Farb-Jitter: Helligkeit %1, Kontrast %2, Sättigung %3, Farbton %4</translation>
    </message>
    <message>
        <source>jitter order: %1</source>
        <translation>Jitter-Reihenfolge: %1</translation>
    </message>
    <message>
        <source>no colour jitter</source>
        <translation>kein Farb-Jitter</translation>
    </message>
    <message>
        <source>grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <source>colour kept</source>
        <translation>Farbe beibehalten</translation>
    </message>
    <message>
        <source>Gaussian blur, sigma %1</source>
        <translation>Gaußsche Unschärfe, Sigma %1</translation>
    </message>
    <message>
        <source>not blurred</source>
        <translation>nicht weichgezeichnet</translation>
    </message>
    <message>
        <source>solarised</source>
        <translation>solarisiert</translation>
    </message>
    <message>
        <source>not solarised</source>
        <translation>nicht solarisiert</translation>
    </message>
    <message>
        <source>Image %1 of the data set: %2 x %3 px, %4 crops. Hover over a crop for what was drawn.</source>
        <translation>Bild %1 des Datensatzes: %2 x %3 px, %4 Ausschnitte. Zeigen Sie mit der Maus auf einen Ausschnitt, um die zufällig gezogenen Parameter zu sehen.</translation>
    </message>
    <message>
        <source>Sample in batch:</source>
        <translation>Beispiel im Batch:</translation>
    </message>
    <message>
        <source>Which sample of the step&apos;s batch to show when a step is chosen on the dashboard</source>
        <translation>Welches Beispiel aus dem Batch des Schritts angezeigt wird, wenn im Dashboard ein Schritt gewählt ist</translation>
    </message>
    <message>
        <source>Random Samples</source>
        <translation>Zufällige Beispiele</translation>
    </message>
    <message>
        <source>Leave the chosen step and show random samples again</source>
        <translation>Den gewählten Schritt verlassen und wieder zufällige Beispiele zeigen</translation>
    </message>
    <message>
        <source>Step %1 (epoch %2, step %3 of it), sample %4 of its batch, as the run drew it. %5</source>
        <translation>Schritt %1 (Epoche %2, darin Schritt %3), Beispiel %4 seines Batches, wie der Lauf es gezogen hat. %5</translation>
    </message>
    <message>
        <source>Click a chart on the Dashboard to see the crops a training step used.</source>
        <translation>Klicken Sie im Dashboard auf ein Diagramm, um die Ausschnitte eines Trainingsschritts zu sehen.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>X axis:</source>
        <translation>X-Achse:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <source>Weight of the past in a debiased moving average; the raw curve stays faint behind.</source>
        <translation>Gewicht der Vergangenheit in einem bias-korrigierten gleitenden Mittelwert; die Rohkurve bleibt blass im Hintergrund.</translation>
    </message>
    <message>
        <source>Log scale (loss, learning rate)</source>
        <translation>Log-Skala (Verlust, Lernrate)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>Kreuzentropie</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Learning rate and weight decay</source>
        <translation>Lernrate und Gewichtsabnahme</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>Teacher temperature and momentum</source>
        <translation>Lehrertemperatur und Momentum</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation>Lehrertemperatur</translation>
    </message>
    <message>
        <source>teacher momentum</source>
        <translation>Lehrer-Momentum</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>Norm</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <source>Collapse monitor</source>
        <translation>Kollaps-Monitor</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>nats</translation>
    </message>
    <message>
        <source>teacher entropy h</source>
        <translation>Lehrer-Entropie h</translation>
    </message>
    <message>
        <source>KL(teacher || student)</source>
        <translation>KL(Lehrer || Schüler)</translation>
    </message>
    <message>
        <source>H = h + KL</source>
        <translation>H = h + KL</translation>
    </message>
    <message>
        <source>entropy of the mean teacher output</source>
        <translation>Entropie der mittleren Lehrerausgabe</translation>
    </message>
    <message>
        <source>k-NN accuracy (teacher)</source>
        <translation>k-NN-Genauigkeit (Lehrer)</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>top-5</source>
        <translation>Top-5</translation>
    </message>
    <message>
        <source>Throughput and memory</source>
        <translation>Durchsatz und Speicher</translation>
    </message>
    <message>
        <source>images/s</source>
        <translation>Bilder/s</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>ln K = %1</source>
        <translation>ln K = %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Collapse: one output dominates.&lt;/b&gt; Since step %1 the teacher puts nearly all its mass on the same output for every image (entropy %2, entropy of the batch mean %3 nats). Centring is losing to sharpening: lower the learning rate, raise the teacher temperature (--teacher_temp), or keep the last layer frozen longer (--freeze_last_layer).</source>
        <translation>&lt;b&gt;Kollaps: Eine Ausgabe dominiert.&lt;/b&gt; Seit Schritt %1 legt der Lehrer für jedes Bild fast seine gesamte Masse auf dieselbe Ausgabe (Entropie %2, Entropie des Batch-Mittelwerts %3 nats). Die Zentrierung unterliegt der Schärfung: Senken Sie die Lernrate, erhöhen Sie die Lehrertemperatur (--teacher_temp) oder lassen Sie die letzte Schicht länger eingefroren (--freeze_last_layer).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Collapse: uniform output.&lt;/b&gt; Since step %1 the teacher&apos;s entropy is %2 of at most ln K = %3 and KL(teacher || student) is %4: the student has nothing left to learn. Sharpening is too weak: lower --teacher_temp (0.04) or --warmup_teacher_temp, keep --norm_last_layer true, or lower the learning rate.</source>
        <translation>&lt;b&gt;Kollaps: gleichförmige Ausgabe.&lt;/b&gt; Seit Schritt %1 beträgt die Entropie des Lehrers %2 von höchstens ln K = %3 und KL(Lehrer || Schüler) beträgt %4: Der Schüler hat nichts mehr zu lernen. Die Schärfung ist zu schwach: Senken Sie --teacher_temp (0.04) oder --warmup_teacher_temp, lassen Sie --norm_last_layer auf true oder senken Sie die Lernrate.</translation>
    </message>
    <message>
        <source>process memory</source>
        <translation>Prozessspeicher</translation>
    </message>
    <message>
        <source>GPU tensors</source>
        <translation>GPU-Tensoren</translation>
    </message>
    <message>
        <source>Evaluations: %1</source>
        <translation>Evaluierungen: %1</translation>
    </message>
    <message>
        <source>The latest evaluations of this run, from the Evaluate tab</source>
        <translation>Die neuesten Evaluierungen dieses Laufs, aus dem Tab Evaluieren</translation>
    </message>
</context>
<context>
    <name>EvaluatePanel</name>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The run&apos;s last checkpoint</source>
        <translation>Der letzte Checkpoint des Laufs</translation>
    </message>
    <message>
        <source>A weights or checkpoint file:</source>
        <translation>Eine Gewichts- oder Checkpoint-Datei:</translation>
    </message>
    <message>
        <source>dino_deitsmall16_pretrain.pth, checkpoint.pth, ...</source>
        <translation>dino_deitsmall16_pretrain.pth, checkpoint.pth, ...</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>Lehrer</translation>
    </message>
    <message>
        <source>student</source>
        <translation>Schüler</translation>
    </message>
    <message>
        <source>Checkpoint key:</source>
        <translation>Checkpoint-Schlüssel:</translation>
    </message>
    <message>
        <source>train/ and val/ class folders, an MNIST folder, or fashion-mnist</source>
        <translation>Klassenordner train/ und val/, ein MNIST-Ordner oder fashion-mnist</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>k-NN</source>
        <translation>k-NN</translation>
    </message>
    <message>
        <source>Linear probe</source>
        <translation>Lineare Probe</translation>
    </message>
    <message>
        <source>Neighbours (k):</source>
        <translation>Nachbarn (k):</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Also the mean patch token</source>
        <translation>Auch das mittlere Patch-Token</translation>
    </message>
    <message>
        <source>Compute the training features once (minutes on a CPU)</source>
        <translation>Trainingsmerkmale nur einmal berechnen (Minuten auf einer CPU)</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Learning rate (batch 256):</source>
        <translation>Lernrate (Batch 256):</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Last blocks:</source>
        <translation>Letzte Blöcke:</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>&amp;Evaluieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <source>Linear probe accuracy</source>
        <translation>Genauigkeit der linearen Probe</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>top-5</source>
        <translation>Top-5</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>Top-5</source>
        <translation>Top-5</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Weights to Evaluate</source>
        <translation>Zu evaluierende Gewichte</translation>
    </message>
    <message>
        <source>PyTorch files (*.pth *.pt *.pth.tar);;All files (*)</source>
        <translation>PyTorch-Dateien (*.pth *.pt *.pth.tar);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Data to Evaluate On</source>
        <translation>Daten für die Evaluierung</translation>
    </message>
    <message>
        <source>The evaluation failed: %1</source>
        <translation>Die Evaluierung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Stopped; nothing was recorded.</source>
        <translation>Gestoppt; nichts wurde festgehalten.</translation>
    </message>
    <message>
        <source>No run is shown: train or follow one.</source>
        <translation>Kein Lauf angezeigt: trainieren Sie einen oder folgen Sie einem.</translation>
    </message>
    <message>
        <source>Choose the weights to evaluate.</source>
        <translation>Wählen Sie die zu evaluierenden Gewichte.</translation>
    </message>
    <message>
        <source>The run has no checkpoint yet (%1): it writes one after its first epoch.</source>
        <translation>Der Lauf hat noch keinen Checkpoint (%1): er schreibt einen nach seiner ersten Epoche.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>Choose the data to evaluate on.</source>
        <translation>Wählen Sie die Daten für die Evaluierung.</translation>
    </message>
    <message>
        <source>Neighbours: &quot;%1&quot; is not a positive whole number.</source>
        <translation>Nachbarn: „%1“ ist keine positive ganze Zahl.</translation>
    </message>
    <message>
        <source>Neighbours: give at least one k.</source>
        <translation>Nachbarn: geben Sie mindestens ein k an.</translation>
    </message>
    <message>
        <source>Starting: dino %1</source>
        <translation>Start: dino %1</translation>
    </message>
    <message>
        <source>%1: %2 top-1 in %3 s.</source>
        <translation>%1: %2 Top-1 in %3 s.</translation>
    </message>
    <message>
        <source>k-NN (k = %1)</source>
        <translation>k-NN (k = %1)</translation>
    </message>
</context>
<context>
    <name>EvaluationProcess</name>
    <message>
        <source>An evaluation is already running.</source>
        <translation>Es läuft bereits eine Evaluierung.</translation>
    </message>
    <message>
        <source>The dino command-line program was not found beside DINO Studio or on PATH; it runs the evaluations.</source>
        <translation>Das Kommandozeilenprogramm dino wurde weder neben DINO Studio noch im PATH gefunden; es führt die Evaluierungen aus.</translation>
    </message>
    <message>
        <source>The evaluation ended without an accuracy (every k larger than the training set?).</source>
        <translation>Die Evaluierung endete ohne Genauigkeit (jedes k größer als die Trainingsmenge?).</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>Evaluations</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>k-NN</source>
        <translation>k-NN</translation>
    </message>
    <message>
        <source>linear probe</source>
        <translation>lineare Probe</translation>
    </message>
    <message>
        <source>%1 %2% top-1</source>
        <translation>%1 %2% Top-1</translation>
    </message>
    <message>
        <source>best at epoch %1</source>
        <translation>am besten in Epoche %1</translation>
    </message>
    <message>
        <source>%1-NN %2%</source>
        <translation>%1-NN %2%</translation>
    </message>
    <message>
        <source>%1 (%2-NN)</source>
        <translation>%1 (%2-NN)</translation>
    </message>
    <message>
        <source>%1-NN %2% (top-5 %3%)</source>
        <translation>%1-NN %2% (Top-5 %3%)</translation>
    </message>
</context>
<context>
    <name>FigureExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Export All Figures</source>
        <translation>Alle Abbildungen exportieren</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Resolution written into PNG files; the text keeps its size in points</source>
        <translation>In PNG-Dateien eingetragene Auflösung; der Text behält seine Größe in Punkt</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
</context>
<context>
    <name>HostCheck</name>
    <message>
        <source>dino %1 is there.</source>
        <translation>dino %1 ist vorhanden.</translation>
    </message>
    <message>
        <source>No GPU: runs there train on its CPU.</source>
        <translation>Keine GPU: Läufe dort trainieren auf seiner CPU.</translation>
    </message>
    <message>
        <source>GPUs: %1.</source>
        <translation>GPUs: %1.</translation>
    </message>
    <message>
        <source>%1 free for runs.</source>
        <translation>%1 frei für Läufe.</translation>
    </message>
    <message>
        <source>That is little: checkpoints may not fit.</source>
        <translation>Das ist wenig: Checkpoints passen womöglich nicht.</translation>
    </message>
    <message>
        <source>torchrun is not there: runs of several processes need it.</source>
        <translation>torchrun fehlt dort: Läufe mit mehreren Prozessen brauchen es.</translation>
    </message>
    <message>
        <source>%1 on %2 failed to list its devices: %3</source>
        <translation>%1 auf %2 konnte seine Geräte nicht auflisten: %3</translation>
    </message>
    <message>
        <source>%1 on %2 is not DINO Studio&apos;s dino (or too old a version): &apos;info --devices --json&apos; printed no devices.</source>
        <translation>%1 auf %2 ist nicht das dino von DINO Studio (oder eine zu alte Version): &apos;info --devices --json&apos; nannte keine Geräte.</translation>
    </message>
    <message>
        <source>%1 on %2 is version %3, this app is %4: install the same version there (the app reads the files that version writes, and starts it with this version&apos;s settings).</source>
        <translation>%1 auf %2 hat Version %3, diese App %4: Installieren Sie dort dieselbe Version (die App liest die Dateien, die jene Version schreibt, und startet sie mit den Einstellungen dieser Version).</translation>
    </message>
</context>
<context>
    <name>InterfaceLanguage</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>LaunchedRun</name>
    <message>
        <source>A run is already going.</source>
        <translation>Es läuft bereits ein Lauf.</translation>
    </message>
    <message>
        <source>The command-line tool dino, which runs each process, was found neither beside this program nor on PATH.</source>
        <translation>Das Kommandozeilenwerkzeug dino, das jeden Prozess ausführt, wurde weder neben diesem Programm noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>Cannot write the run&apos;s settings for its processes to %1: %2</source>
        <translation>Die Einstellungen des Laufs für seine Prozesse können nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for the processes to meet on.</source>
        <translation>Kein freier Port auf 127.0.0.1, über den sich die Prozesse verbinden könnten.</translation>
    </message>
    <message>
        <source>Process %1: %2</source>
        <translation>Prozess %1: %2</translation>
    </message>
    <message>
        <source>Process %1 of the run crashed.</source>
        <translation>Prozess %1 des Laufs ist abgestürzt.</translation>
    </message>
    <message>
        <source>Process %1 of the run exited with code %2.</source>
        <translation>Prozess %1 des Laufs endete mit Code %2.</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DINO Studio</source>
        <translation>DINO Studio</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>Training gestoppt</translation>
    </message>
    <message>
        <source>The run stopped with an error:

%1

The last checkpoint in the output folder is intact; change the settings and press Start to resume from it.</source>
        <translation>Der Lauf wurde mit einem Fehler beendet:

%1

Der letzte Checkpoint im Ausgabeordner ist intakt; ändern Sie die Einstellungen und drücken Sie „Start“, um von dort fortzusetzen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Train with these settings (resumes if the output folder holds a checkpoint)</source>
        <translation>Mit diesen Einstellungen trainieren (setzt fort, wenn der Ausgabeordner einen Checkpoint enthält)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <source>Finish the current step, save a checkpoint that resumes there, and stop</source>
        <translation>Den aktuellen Schritt beenden, einen Checkpoint zum Fortsetzen an dieser Stelle speichern und stoppen</translation>
    </message>
    <message>
        <source>&amp;Open Output Folder</source>
        <translation>&amp;Ausgabeordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy as Command Line</source>
        <translation>Als Befehlszeile &amp;kopieren</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Kopiert: %1</translation>
    </message>
    <message>
        <source>&amp;Follow a Run Folder...</source>
        <translation>Laufordner &amp;verfolgen...</translation>
    </message>
    <message>
        <source>Output folder of a run</source>
        <translation>Ausgabeordner eines Laufs</translation>
    </message>
    <message>
        <source>&amp;Resume a Run Folder...</source>
        <translation>Laufordner &amp;fortsetzen...</translation>
    </message>
    <message>
        <source>Output folder of the run to resume</source>
        <translation>Ausgabeordner des fortzusetzenden Laufs</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1 has no readable config.json. %2</source>
        <translation>%1 enthält keine lesbare config.json. %2</translation>
    </message>
    <message>
        <source>Recent &amp;Runs</source>
        <translation>&amp;Letzte Läufe</translation>
    </message>
    <message>
        <source>&amp;Load Settings...</source>
        <translation>Einstellungen la&amp;den...</translation>
    </message>
    <message>
        <source>Load settings</source>
        <translation>Einstellungen laden</translation>
    </message>
    <message>
        <source>Settings (*.json)</source>
        <translation>Einstellungen (*.json)</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation>%1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>&amp;Save Settings...</source>
        <translation>Einstellungen &amp;speichern...</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>&amp;Export All Figures...</source>
        <translation>Alle Abbildungen &amp;exportieren...</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export &amp;Metrics as CSV...</source>
        <translation>&amp;Metriken als CSV exportieren...</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About DINO Studio</source>
        <translation>Ü&amp;ber DINO Studio</translation>
    </message>
    <message>
        <source>About DINO Studio</source>
        <translation>Über DINO Studio</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 already holds a checkpoint. Resume that run, or start a new one in a fresh folder?</source>
        <translation>%1 enthält bereits einen Checkpoint. Diesen Lauf fortsetzen oder einen neuen in einem neuen Ordner starten?</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <source>Stop the current run first.</source>
        <translation>Stoppen Sie zuerst den aktuellen Lauf.</translation>
    </message>
    <message>
        <source>Following %1</source>
        <translation>%1 wird verfolgt</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>A run is training. Stop it (saving a checkpoint to resume from) and quit?</source>
        <translation>Ein Lauf trainiert gerade. Ihn stoppen (mit einem Checkpoint zum Fortsetzen) und beenden?</translation>
    </message>
    <message>
        <source>Crops</source>
        <translation>Ausschnitte</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <source>&amp;Open Images...</source>
        <translation>B&amp;ilder öffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Weights...</source>
        <translation>&amp;Gewichte öffnen...</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Timing steps for the time budget</source>
        <translation>Schritte werden für das Zeitbudget gemessen</translation>
    </message>
    <message>
        <source>Loading the data</source>
        <translation>Daten werden geladen</translation>
    </message>
    <message>
        <source>k-NN evaluation</source>
        <translation>k-NN-Auswertung</translation>
    </message>
    <message>
        <source>Saving a checkpoint</source>
        <translation>Checkpoint wird gespeichert</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Pause after the current step; nothing is saved or lost</source>
        <translation>Nach dem aktuellen Schritt pausieren; nichts wird gespeichert, nichts geht verloren</translation>
    </message>
    <message>
        <source>Go on from the step where the run paused</source>
        <translation>Ab dem Schritt weitermachen, an dem der Lauf pausiert wurde</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>The documentation was not installed with this build</source>
        <translation>Die Dokumentation wurde mit diesem Build nicht installiert</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Paste an image (Attention)</source>
        <translation>Bild einfügen (Aufmerksamkeit)</translation>
    </message>
    <message>
        <source>Cancel the attention computation</source>
        <translation>Aufmerksamkeitsberechnung abbrechen</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>%1 - DINO Studio</source>
        <translation>%1 - DINO Studio</translation>
    </message>
    <message>
        <source>Train with these settings (%1)</source>
        <translation>Mit diesen Einstellungen trainieren (%1)</translation>
    </message>
    <message>
        <source>nothing left</source>
        <translation>nichts mehr übrig</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>epoch %1/%2, step %3/%4, loss %5, %6 images/s, %7</source>
        <translation>Epoche %1/%2, Schritt %3/%4, Verlust %5, %6 Bilder/s, %7</translation>
    </message>
    <message>
        <source>DINO Studio %1, %2
Qt %3 (running %4)
LibTorch %5, %6</source>
        <translation>DINO Studio %1, %2
Qt %3 (läuft mit %4)
LibTorch %5, %6</translation>
    </message>
    <message>
        <source>built without a build type</source>
        <translation>ohne Build-Typ gebaut</translation>
    </message>
    <message>
        <source>%1 build</source>
        <translation>%1-Build</translation>
    </message>
    <message>
        <source>&lt;b&gt;DINO Studio&lt;/b&gt;&lt;p&gt;Train DINO self-supervised vision transformers and look inside them. The model, loss and schedules follow the reference implementation of Caron et al. (2021).&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;b&gt;DINO Studio&lt;/b&gt;&lt;p&gt;Trainieren Sie selbstüberwachte DINO-Vision-Transformer und schauen Sie in sie hinein. Modell, Verlust und Zeitpläne folgen der Referenzimplementierung von Caron et al. (2021).&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>A run is already going: stop it first.</source>
        <translation>Ein Lauf ist bereits aktiv: Stoppen Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>&amp;Welcome Page</source>
        <translation>&amp;Willkommensseite</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Choose a folder of images</source>
        <translation>Bilderordner wählen</translation>
    </message>
    <message>
        <source>%1 is scanned in the background: choose a preset or edit the settings, then press Start.</source>
        <translation>%1 wird im Hintergrund eingelesen: Wählen Sie eine Vorlage oder passen Sie die Einstellungen an, dann klicken Sie auf Start.</translation>
    </message>
    <message>
        <source>Open weights</source>
        <translation>Gewichte öffnen</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>DINO Studio will be in %1 when it starts again.</source>
        <translation>DINO Studio erscheint beim nächsten Start auf %1.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>DINO Studio will follow the system&apos;s language when it starts again.</source>
        <translation>DINO Studio folgt beim nächsten Start der Systemsprache.</translation>
    </message>
    <message>
        <source>The reference&apos;s ViT-S/16 settings are applied (the demo&apos;s are for 28 px images). </source>
        <translation>Die ViT-S/16-Einstellungen der Referenz sind gesetzt (die der Demo sind für 28-px-Bilder). </translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>Stopped: Start resumes it</source>
        <translation>Gestoppt: Start setzt fort</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <source>An evaluation is running. Stop it and quit?</source>
        <translation>Eine Evaluierung läuft. Anhalten und beenden?</translation>
    </message>
    <message>
        <source>Save a checkpoint after the current step and end the processes; Resume starts them again from it</source>
        <translation>Nach dem laufenden Schritt einen Checkpoint speichern und die Prozesse beenden; Fortsetzen startet sie von dort neu</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Fetch Checkpoint</source>
        <translation>Checkpoint holen</translation>
    </message>
    <message>
        <source>Checkpoint copied to %1</source>
        <translation>Checkpoint nach %1 kopiert</translation>
    </message>
    <message>
        <source>&amp;Fetch Checkpoint from Server</source>
        <translation>Checkpoint vom Server &amp;holen</translation>
    </message>
    <message>
        <source>Copy the run&apos;s last checkpoint from the server into its folder here, for the attention explorer and evaluations</source>
        <translation>Den letzten Checkpoint des Laufs vom Server in seinen Ordner hier kopieren, für den Attention-Explorer und Auswertungen</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
    <message>
        <source>Copying the checkpoint from %1...</source>
        <translation>Checkpoint wird von %1 kopiert...</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>The run goes on on %1 after the app quits. Follow its folder here (%2) to see it again. Quit?</source>
        <translation>Der Lauf geht auf %1 weiter, wenn die App beendet wird. Folgen Sie seinem Ordner hier (%2), um ihn wieder zu sehen. Beenden?</translation>
    </message>
    <message>
        <source>Stop &amp;Following the Server</source>
        <translation>Dem Server nicht mehr &amp;folgen</translation>
    </message>
    <message>
        <source>Leave the run on the server going, and stop following it here (File &gt; Follow a Run Folder on its folder follows it again)</source>
        <translation>Den Lauf auf dem Server weiterlaufen lassen und ihm hier nicht mehr folgen (Datei &gt; Einem Laufordner folgen, auf seinem Ordner, folgt ihm wieder)</translation>
    </message>
    <message>
        <source>Attention Side by Side</source>
        <translation>Attention nebeneinander</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Export Figure...</source>
        <translation>Abbildung exportieren...</translation>
    </message>
    <message>
        <source>Log Scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Fit to the Data</source>
        <translation>An Daten anpassen</translation>
    </message>
    <message>
        <source>Waiting for data...</source>
        <translation>Warte auf Daten...</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write the figures of &quot;%1&quot; in %2.</source>
        <translation>Die Abbildungen von &quot;%1&quot; können nicht in %2 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>MetricHistory</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ModelDownload</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The server answered with another part of the file than asked; press Download to start again from the beginning.</source>
        <translation>Der Server lieferte einen anderen Teil der Datei als angefordert; klicken Sie auf „Herunterladen“, um von vorn zu beginnen.</translation>
    </message>
    <message>
        <source>Cannot write %1 (%2 MB free there): %3</source>
        <translation>%1 kann nicht geschrieben werden (%2 MB frei): %3</translation>
    </message>
    <message>
        <source>The server answered %1 for %2.</source>
        <translation>Der Server antwortete %1 auf %2.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Cannot read back %1.</source>
        <translation>%1 kann nicht zurückgelesen werden.</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>%1 kann nicht in %2 umbenannt werden.</translation>
    </message>
    <message>
        <source>Download cancelled; %1 MB kept, and Resume continues from there.</source>
        <translation>Download abgebrochen; %1 MB bleiben erhalten, „Fortsetzen“ macht dort weiter.</translation>
    </message>
    <message>
        <source>The part kept from an earlier download does not fit the server&apos;s file; press Download to start again from the beginning.</source>
        <translation>Der Teil aus einem früheren Download passt nicht zur Datei auf dem Server; klicken Sie auf „Herunterladen“, um von vorn zu beginnen.</translation>
    </message>
    <message>
        <source>The connection ended after %1 of %2 MB; press Resume to continue.</source>
        <translation>Die Verbindung brach nach %1 von %2 MB ab; „Fortsetzen“ macht weiter.</translation>
    </message>
    <message>
        <source>The connection ended after %1 MB (%2); press Resume to continue.</source>
        <translation>Die Verbindung brach nach %1 MB ab (%2); „Fortsetzen“ macht weiter.</translation>
    </message>
    <message>
        <source>The file&apos;s SHA-256 is %1, not the published %2, so the file was removed. Download it again, or check the address.</source>
        <translation>Die SHA-256 der Datei ist %1, nicht die veröffentlichte %2; die Datei wurde daher gelöscht. Laden Sie sie erneut herunter oder prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>The server sent nothing for %1 s; %2 MB kept, press Resume to continue.</source>
        <translation>Der Server hat %1 s lang nichts gesendet; %2 MB bleiben erhalten, „Fortsetzen“ macht weiter.</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Download abgebrochen.</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>DINO Studio chart</source>
        <translation>DINO-Studio-Diagramm</translation>
    </message>
    <message>
        <source>DINO Studio</source>
        <translation>DINO Studio</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>RemoteRun</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>A run is already going.</source>
        <translation>Es läuft bereits ein Lauf.</translation>
    </message>
    <message>
        <source>No server is chosen to run on.</source>
        <translation>Es ist kein Server zum Ausführen gewählt.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 does not say where a run on a server is (%2 missing).</source>
        <translation>%1 sagt nicht, wo ein Lauf auf einem Server ist (%2 fehlt).</translation>
    </message>
    <message>
        <source>%1 is not a description of a run on a server: it needs &quot;host&quot; and &quot;folder&quot;.</source>
        <translation>%1 beschreibt keinen Lauf auf einem Server: Es braucht &quot;host&quot; und &quot;folder&quot;.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>Auf %1: %2</translation>
    </message>
    <message>
        <source>The run on %1 exited with code %2.</source>
        <translation>Der Lauf auf %1 endete mit Code %2.</translation>
    </message>
    <message>
        <source>The run on %1 ended without an exit status: its process was killed (out of memory?), or the server restarted. Its last checkpoint stands: Start resumes from it.</source>
        <translation>Der Lauf auf %1 endete ohne Exit-Status: Sein Prozess wurde beendet (Speicher voll?), oder der Server startete neu. Sein letzter Checkpoint bleibt: Start setzt dort fort.</translation>
    </message>
    <message>
        <source>No run was started in %1 on %2.</source>
        <translation>In %1 auf %2 wurde kein Lauf gestartet.</translation>
    </message>
    <message>
        <source>no word from %1 for %2 s</source>
        <translation>%2 s lang keine Nachricht von %1</translation>
    </message>
    <message>
        <source>Connection to %1 lost (%2); the run goes on there. Trying again in %3 s.</source>
        <translation>Verbindung zu %1 verloren (%2); der Lauf geht dort weiter. Neuer Versuch in %3 s.</translation>
    </message>
    <message>
        <source>No run on a server is known here.</source>
        <translation>Hier ist kein Lauf auf einem Server bekannt.</translation>
    </message>
    <message>
        <source>The copy of the checkpoint from %1 is incomplete (%2 of %3 bytes): try again.</source>
        <translation>Die Kopie des Checkpoints von %1 ist unvollständig (%2 von %3 Bytes): Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Cannot replace %1: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>The run&apos;s folder %1 has no name to give its folder on the server.</source>
        <translation>Der Ordner %1 des Laufs hat keinen Namen, den sein Ordner auf dem Server tragen könnte.</translation>
    </message>
    <message>
        <source>%1 holds a run trained on this machine: choose a new folder for a run on a server.</source>
        <translation>%1 enthält einen auf diesem Rechner trainierten Lauf: Wählen Sie für einen Lauf auf einem Server einen neuen Ordner.</translation>
    </message>
    <message>
        <source>Could not reach %1 to stop the run: %2 Trying again.</source>
        <translation>%1 war zum Anhalten des Laufs nicht erreichbar: %2 Neuer Versuch folgt.</translation>
    </message>
    <message>
        <source>%1 is the copy of a run on %2: choose %2 to run on, or a new folder.</source>
        <translation>%1 ist die Kopie eines Laufs auf %2: Wählen Sie %2 zum Ausführen, oder einen neuen Ordner.</translation>
    </message>
    <message>
        <source>cannot follow the run: %1</source>
        <translation>dem Lauf kann nicht gefolgt werden: %1</translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>Kreuzentropie</translation>
    </message>
    <message>
        <source>k-NN top-1 (teacher)</source>
        <translation>k-NN Top-1 (Lehrer)</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Teacher entropy h</source>
        <translation>Entropie h des Lehrers</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>nats</translation>
    </message>
    <message>
        <source>KL(teacher || student)</source>
        <translation>KL(Lehrer || Schüler)</translation>
    </message>
    <message>
        <source>Entropy of the mean teacher output</source>
        <translation>Entropie der mittleren Lehrerausgabe</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation>Lehrertemperatur</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Centre norm</source>
        <translation>Norm des Zentrums</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>Norm</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>images/s</source>
        <translation>Bilder/s</translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation>X-Achse:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>By epoch, runs of different batch sizes line up: each run&apos;s steps are divided by its own steps per epoch.</source>
        <translation>Nach Epochen liegen Läufe mit verschiedenen Batchgrößen übereinander: die Schritte jedes Laufs werden durch seine eigenen Schritte pro Epoche geteilt.</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <source>Export Figures and CSV...</source>
        <translation>Abbildungen und CSV exportieren...</translation>
    </message>
    <message>
        <source>Only the settings that differ</source>
        <translation>Nur die Einstellungen, die sich unterscheiden</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben.</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Select runs in the table above to compare them (Ctrl or Shift for several).</source>
        <translation>Läufe in der Tabelle oben auswählen, um sie zu vergleichen (Strg oder Umschalt für mehrere).</translation>
    </message>
    <message>
        <source>Show or hide %1 on every chart</source>
        <translation>%1 in jedem Diagramm zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>only</source>
        <translation>nur</translation>
    </message>
    <message>
        <source>Show %1 alone; again: every run</source>
        <translation>Nur %1 zeigen; erneut: alle Läufe</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>RunFollower</name>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>%1 holds neither metrics.jsonl nor config.json: is it the output folder of a run?</source>
        <translation>%1 enthält weder metrics.jsonl noch config.json: Ist das der Ausgabeordner eines Laufs?</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
</context>
<context>
    <name>RunLocationBox</name>
    <message>
        <source>Where Start trains: this machine, or a server reached with ssh</source>
        <translation>Wo Start trainiert: auf diesem Rechner oder auf einem per ssh erreichten Server</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <source>Add a Server...</source>
        <translation>Server hinzufügen...</translation>
    </message>
    <message>
        <source>Edit %1...</source>
        <translation>%1 bearbeiten...</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 ist kein JSON-Objekt: %2</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>kollabiert</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>not responding</source>
        <translation>reagiert nicht</translation>
    </message>
    <message>
        <source>on a server</source>
        <translation>auf einem Server</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Differs from the others</source>
        <translation>Unterscheidet sich von den anderen</translation>
    </message>
    <message>
        <source>Best k-NN</source>
        <translation>Bester k-NN</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Every folder holding config.json and metrics.jsonl, up to three levels below the folders chosen, is a run. Double-click one to show it on the dashboard; F2 renames it (the name is kept in its run-name.txt).</source>
        <translation>Jeder Ordner mit config.json und metrics.jsonl bis zu drei Ebenen unter den gewählten Ordnern ist ein Lauf. Ein Doppelklick zeigt ihn im Dashboard; F2 benennt ihn um (der Name steht in seiner run-name.txt).</translation>
    </message>
    <message>
        <source>Add Folder...</source>
        <translation>Ordner hinzufügen...</translation>
    </message>
    <message>
        <source>A folder that holds runs</source>
        <translation>Ein Ordner mit Läufen</translation>
    </message>
    <message>
        <source>Stop Listing %1</source>
        <translation>%1 nicht mehr auflisten</translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation>Epoche %1 von %2</translation>
    </message>
    <message>
        <source>No runs under %1.</source>
        <translation>Keine Läufe unter %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) under %1.</source>
        <translation>
            <numerusform>%n Lauf unter %1.</numerusform>
            <numerusform>%n Läufe unter %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Cannot write the name into %1.</source>
        <translation>Der Name kann nicht in %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Nothing written for %1 minutes and no word of an end: stopped from outside, hung, or no longer synced.</source>
        <translation>Seit %1 Minuten nichts geschrieben und kein Wort von einem Ende: von außen beendet, hängt oder wird nicht mehr synchronisiert.</translation>
    </message>
    <message>
        <source>%L1%</source>
        <translation>%L1 %</translation>
    </message>
    <message>
        <source>The run is on %1, and its copy here grows only while the app follows it: a double-click follows it again.</source>
        <translation>Der Lauf ist auf %1, und seine Kopie hier wächst nur, solange die App ihm folgt: Ein Doppelklick folgt ihm wieder.</translation>
    </message>
    <message>
        <source>Attention Side by Side</source>
        <translation>Attention nebeneinander</translation>
    </message>
    <message>
        <source>Select two runs with a checkpoint: the attention explorer shows both teachers&apos; maps on the same image, with their difference</source>
        <translation>Wählen Sie zwei Läufe mit Checkpoint: Der Attention-Explorer zeigt die Karten beider Lehrer auf demselben Bild, mit ihrer Differenz</translation>
    </message>
</context>
<context>
    <name>SchedulePreview</name>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <source>teacher momentum</source>
        <translation>Lehrer-Momentum</translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation>Lehrertemperatur</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>No preview: the data set has fewer images than one batch, or there are no epochs.</source>
        <translation>Keine Vorschau: Der Datensatz hat weniger Bilder als ein Batch, oder es gibt keine Epochen.</translation>
    </message>
    <message>
        <source>%1 iterations per epoch, %2 in all; peak learning rate %3 after the warm-up; the last layer is frozen for the first %4 iterations (shaded).</source>
        <translation>%1 Iterationen pro Epoche, %2 insgesamt; Spitzen-Lernrate %3 nach der Aufwärmphase; die letzte Schicht ist in den ersten %4 Iterationen eingefroren (schattiert).</translation>
    </message>
    <message>
        <source>With the time budget (%1) the run plans when it starts: fewer images an epoch, or more epochs; this shows --epochs %2 of all the images.</source>
        <translation>Mit dem Zeitbudget (%1) plant der Lauf beim Start: weniger Bilder pro Epoche oder mehr Epochen; hier gezeigt: --epochs %2 über alle Bilder.</translation>
    </message>
    <message>
        <source>Export Figure...</source>
        <translation>Abbildung exportieren...</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Runs started on a server go on there when the connection closes. The app uses this machine&apos;s ssh with your keys: &quot;ssh HOST&quot; must log in without a password.</source>
        <translation>Auf einem Server gestartete Läufe gehen dort weiter, wenn die Verbindung endet. Die App nutzt das ssh dieses Rechners mit Ihren Schlüsseln: &quot;ssh HOST&quot; muss sich ohne Passwort anmelden.</translation>
    </message>
    <message>
        <source>gpu-box, or user@gpu-box.example.org (as in ~/.ssh/config)</source>
        <translation>gpu-box oder user@gpu-box.example.org (wie in ~/.ssh/config)</translation>
    </message>
    <message>
        <source>optional, e.g. -p 2222 -i ~/.ssh/id_ed25519 -J jumphost</source>
        <translation>optional, z. B. -p 2222 -i ~/.ssh/id_ed25519 -J jumphost</translation>
    </message>
    <message>
        <source>The dino command-line tool on the server: a name on its PATH or a full path. It must be this app&apos;s version.</source>
        <translation>Das Kommandozeilenwerkzeug dino auf dem Server: ein Name in seinem PATH oder ein vollständiger Pfad. Es muss die Version dieser App sein.</translation>
    </message>
    <message>
        <source>Each run goes in a folder of this name as the run&apos;s folder here. A relative path is taken from the home folder there.</source>
        <translation>Jeder Lauf kommt dort in einen Ordner mit dem Namen seines Ordners hier. Ein relativer Pfad gilt ab dem Home-Ordner dort.</translation>
    </message>
    <message>
        <source>Starts the processes of a run on several GPUs (Processes on this machine above 1).</source>
        <translation>Startet die Prozesse eines Laufs auf mehreren GPUs (Prozesse auf diesem Rechner über 1).</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>ssh options:</source>
        <translation>ssh-Optionen:</translation>
    </message>
    <message>
        <source>dino program there:</source>
        <translation>dino-Programm dort:</translation>
    </message>
    <message>
        <source>Runs folder there:</source>
        <translation>Ordner für Läufe dort:</translation>
    </message>
    <message>
        <source>torchrun there:</source>
        <translation>torchrun dort:</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Asking %1...</source>
        <translation>%1 wird gefragt...</translation>
    </message>
</context>
<context>
    <name>SshFailure</name>
    <message>
        <source>%1 was not found on %2: install DINO Studio&apos;s dino there, or give its full path as the program.</source>
        <translation>%1 wurde auf %2 nicht gefunden: Installieren Sie dort das dino von DINO Studio, oder geben Sie seinen vollständigen Pfad als Programm an.</translation>
    </message>
    <message>
        <source>%1 was not found on %2: a run of several processes needs torchrun there (it comes with PyTorch), or give its full path.</source>
        <translation>%1 wurde auf %2 nicht gefunden: Ein Lauf mit mehreren Prozessen braucht dort torchrun (es kommt mit PyTorch), oder geben Sie seinen vollständigen Pfad an.</translation>
    </message>
    <message>
        <source>A run is already going in that folder on %1: follow it (File &gt; Follow a Run Folder on the mirror folder), or choose another folder.</source>
        <translation>In diesem Ordner auf %1 läuft bereits ein Lauf: Folgen Sie ihm (Datei &gt; Einem Laufordner folgen, auf dem Spiegelordner), oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The run on %1 has not saved a checkpoint yet.</source>
        <translation>Der Lauf auf %1 hat noch keinen Checkpoint gespeichert.</translation>
    </message>
    <message>
        <source>The disk on %1 is full (or your quota there is used up): free space in %2 there, or choose another folder for runs.</source>
        <translation>Der Datenträger auf %1 ist voll (oder Ihr Kontingent dort aufgebraucht): Schaffen Sie dort Platz in %2, oder wählen Sie einen anderen Ordner für Läufe.</translation>
    </message>
    <message>
        <source>%1 is not a host this machine knows: check the name, or add it to ~/.ssh/config.</source>
        <translation>%1 ist kein Host, den dieser Rechner kennt: Prüfen Sie den Namen, oder tragen Sie ihn in ~/.ssh/config ein.</translation>
    </message>
    <message>
        <source>The host key of %1 is not known here, or it changed: connect once with &quot;ssh %1&quot; in a terminal to check it and accept it.</source>
        <translation>Der Host-Schlüssel von %1 ist hier unbekannt oder hat sich geändert: Verbinden Sie sich einmal mit &quot;ssh %1&quot; in einem Terminal, um ihn zu prüfen und anzunehmen.</translation>
    </message>
    <message>
        <source>%1 refused the login: &quot;ssh %1&quot; must work without a password. Load your key into ssh-agent, or name it with IdentityFile in ~/.ssh/config (or with -i in the ssh options).</source>
        <translation>%1 hat die Anmeldung abgelehnt: &quot;ssh %1&quot; muss ohne Passwort funktionieren. Laden Sie Ihren Schlüssel in ssh-agent, oder nennen Sie ihn mit IdentityFile in ~/.ssh/config (oder mit -i in den ssh-Optionen).</translation>
    </message>
    <message>
        <source>%1 refused the connection: no SSH server listens there on that port.</source>
        <translation>%1 hat die Verbindung abgelehnt: Dort lauscht kein SSH-Server auf diesem Port.</translation>
    </message>
    <message>
        <source>%1 cannot be reached (no answer, or no route to it): is it on, and is this machine on its network or VPN?</source>
        <translation>%1 ist nicht erreichbar (keine Antwort oder keine Route): Ist er eingeschaltet, und ist dieser Rechner in seinem Netz oder VPN?</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>Die Verbindung zu %1 ist abgebrochen.</translation>
    </message>
    <message>
        <source>ssh %1 failed.</source>
        <translation>ssh %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>ssh %1 failed: %2</source>
        <translation>ssh %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The command on %1 failed with exit code %2.</source>
        <translation>Der Befehl auf %1 ist mit Exit-Code %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>Auf %1: %2</translation>
    </message>
    <message>
        <source>The ssh client could not be started (%1): install OpenSSH&apos;s client.</source>
        <translation>Der ssh-Client konnte nicht gestartet werden (%1): Installieren Sie den OpenSSH-Client.</translation>
    </message>
    <message>
        <source>%1 on %2 is not this app&apos;s version (%3; this app is %4): install the same version there, since the app reads the files it writes.</source>
        <translation>%1 auf %2 hat nicht die Version dieser App (%3; diese App ist %4): Installieren Sie dort dieselbe Version, da die App die Dateien liest, die es schreibt.</translation>
    </message>
    <message>
        <source>no version</source>
        <translation>keine Version</translation>
    </message>
    <message>
        <source>The folder for this run on %1 already exists (a run of another folder of the same name?): choose a new folder here, whose name names the one there.</source>
        <translation>Der Ordner für diesen Lauf auf %1 existiert bereits (ein Lauf eines anderen Ordners gleichen Namens?): Wählen Sie hier einen neuen Ordner; sein Name benennt den Ordner dort.</translation>
    </message>
    <message>
        <source>The run&apos;s folder on %1 is gone, or cannot be made or entered there (its permissions?).</source>
        <translation>Der Ordner des Laufs auf %1 fehlt oder kann dort nicht angelegt oder betreten werden (seine Rechte?).</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>A run is already going.</source>
        <translation>Es läuft bereits ein Lauf.</translation>
    </message>
</context>
<context>
    <name>TrainingPreset</name>
    <message>
        <source>ViT-S/16, the reference README&apos;s run</source>
        <translation>ViT-S/16, Lauf aus dem Referenz-README</translation>
    </message>
    <message>
        <source>main_dino.py&apos;s defaults as the README trains ViT-S/16 on ImageNet (8 GPUs x 64 images, 100 epochs; 69.3% k-NN). Set --data_path to your image folder.</source>
        <translation>Die Standardwerte von main_dino.py, mit denen das README ViT-S/16 auf ImageNet trainiert (8 GPUs x 64 Bilder, 100 Epochen; 69,3 % k-NN). Setzen Sie --data_path auf Ihren Bildordner.</translation>
    </message>
    <message>
        <source>ViT-S/16, the README&apos;s boosted run</source>
        <translation>ViT-S/16, verbesserter Lauf aus dem README</translation>
    </message>
    <message>
        <source>The README&apos;s longer recipe: 300 epochs, teacher temperature warmed from 0.04 to 0.07 over 30 epochs, no weight normalisation of the last layer (73.3% k-NN on ImageNet).</source>
        <translation>Das längere Rezept des README: 300 Epochen, Lehrertemperatur über 30 Epochen von 0.04 auf 0.07 angehoben, keine Gewichtsnormierung der letzten Schicht (73,3 % k-NN auf ImageNet).</translation>
    </message>
    <message>
        <source>ViT-S/16 on one small GPU</source>
        <translation>ViT-S/16 auf einer kleinen GPU</translation>
    </message>
    <message>
        <source>ViT-S/16 with half the per-GPU batch (32) and 6 local crops to cut activation memory, mixed precision on, and a smaller head output (K = 16384); the learning rate still scales with the batch.</source>
        <translation>ViT-S/16 mit halber Batchgröße pro GPU (32) und 6 lokalen Ausschnitten, um Aktivierungsspeicher zu sparen, mit gemischter Genauigkeit und kleinerer Kopfausgabe (K = 16384); die Lernrate skaliert weiterhin mit dem Batch.</translation>
    </message>
    <message>
        <source>Fashion-MNIST demo (CPU, 12 minutes)</source>
        <translation>Fashion-MNIST-Demo (CPU, 12 Minuten)</translation>
    </message>
    <message>
        <source>A small ViT (width 96, depth 3, 4-pixel patches) on 28 px Fashion-MNIST crops that visibly learns on a CPU within a 12-minute time budget: the run times its first steps and fits as many epochs as the budget allows (docs/fashion-mnist-recipe.md gives the accuracy per budget). Teacher momentum 0.99 because a short run has too few steps for 0.996.</source>
        <translation>Ein kleiner ViT (Breite 96, Tiefe 3, 4-Pixel-Patches) auf 28-px-Ausschnitten von Fashion-MNIST, der auf einer CPU innerhalb eines Zeitbudgets von 12 Minuten sichtbar lernt: Der Lauf misst seine ersten Schritte und plant so viele Epochen ein, wie das Budget erlaubt (docs/fashion-mnist-recipe.md nennt die Genauigkeit je Budget). Lehrer-Momentum 0.99, weil ein kurzer Lauf zu wenige Schritte für 0.996 hat.</translation>
    </message>
</context>
<context>
    <name>TrainingSetting</name>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <source>DINO</source>
        <translation>DINO</translation>
    </message>
    <message>
        <source>Multi-crop</source>
        <translation>Multi-Crop</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>A folder of class folders (labels kept), a flat folder of images, a text file listing image paths, an MNIST-format folder, or fashion-mnist for the built-in demo.</source>
        <translation>Ein Ordner mit Klassenordnern (Labels bleiben erhalten), ein flacher Bildordner, eine Textdatei mit Bildpfaden, ein Ordner im MNIST-Format oder fashion-mnist für die eingebaute Demo.</translation>
    </message>
    <message>
        <source>Use only the first N images</source>
        <translation>Nur die ersten N Bilder</translation>
    </message>
    <message>
        <source>Train on the first N images only; 0 uses all of them.</source>
        <translation>Nur mit den ersten N Bildern trainieren; 0 verwendet alle.</translation>
    </message>
    <message>
        <source>Loader threads</source>
        <translation>Lade-Threads</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation>Patchgröße</translation>
    </message>
    <message>
        <source>Width (0: the architecture&apos;s)</source>
        <translation>Breite (0: wie Architektur)</translation>
    </message>
    <message>
        <source>Overrides the embedding dimension of --arch; 0 keeps it.</source>
        <translation>Überschreibt die Embedding-Dimension von --arch; 0 behält sie bei.</translation>
    </message>
    <message>
        <source>Depth (0: the architecture&apos;s)</source>
        <translation>Tiefe (0: wie Architektur)</translation>
    </message>
    <message>
        <source>Overrides the number of blocks of --arch; 0 keeps it.</source>
        <translation>Überschreibt die Anzahl der Blöcke von --arch; 0 behält sie bei.</translation>
    </message>
    <message>
        <source>Heads (0: the architecture&apos;s)</source>
        <translation>Köpfe (0: wie Architektur)</translation>
    </message>
    <message>
        <source>Overrides the attention heads of --arch; 0 keeps them.</source>
        <translation>Überschreibt die Aufmerksamkeitsköpfe von --arch; 0 behält sie bei.</translation>
    </message>
    <message>
        <source>Stochastic depth</source>
        <translation>Stochastische Tiefe</translation>
    </message>
    <message>
        <source>Head output K</source>
        <translation>Kopfausgabe K</translation>
    </message>
    <message>
        <source>Head hidden width</source>
        <translation>Verborgene Kopfbreite</translation>
    </message>
    <message>
        <source>Head bottleneck</source>
        <translation>Kopf-Bottleneck</translation>
    </message>
    <message>
        <source>Head layers</source>
        <translation>Kopfschichten</translation>
    </message>
    <message>
        <source>Weight-normalise the last layer</source>
        <translation>Letzte Schicht gewichtsnormieren</translation>
    </message>
    <message>
        <source>Weight-normalise the head&apos;s last layer with g fixed at 1. The reference recommends it for stability; off (the boosted recipe) performs better for ViT-S.</source>
        <translation>Die letzte Schicht des Kopfes gewichtsnormieren, mit g fest auf 1. Die Referenz empfiehlt dies für Stabilität; ausgeschaltet (das verbesserte Rezept) schneidet bei ViT-S besser ab.</translation>
    </message>
    <message>
        <source>BatchNorm in the head</source>
        <translation>BatchNorm im Kopf</translation>
    </message>
    <message>
        <source>BatchNorm in the head&apos;s MLP. Off for ViTs; the reference uses it for ResNets.</source>
        <translation>BatchNorm im MLP des Kopfes. Aus für ViTs; die Referenz verwendet es für ResNets.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>adamw is the reference&apos;s default for ViTs; sgd (momentum 0.9); lars for large batches.</source>
        <translation>adamw ist der Standard der Referenz für ViTs; sgd (Momentum 0.9); lars für große Batches.</translation>
    </message>
    <message>
        <source>Learning rate (per 256 images)</source>
        <translation>Lernrate (pro 256 Bilder)</translation>
    </message>
    <message>
        <source>Final learning rate</source>
        <translation>Finale Lernrate</translation>
    </message>
    <message>
        <source>Weight decay (start)</source>
        <translation>Gewichtsabnahme (Start)</translation>
    </message>
    <message>
        <source>Weight decay (end)</source>
        <translation>Gewichtsabnahme (Ende)</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>Gradientenbegrenzung</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Teacher momentum</source>
        <translation>Lehrer-Momentum</translation>
    </message>
    <message>
        <source>Teacher temperature (start)</source>
        <translation>Lehrertemperatur (Start)</translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation>Lehrertemperatur</translation>
    </message>
    <message>
        <source>Temperature warm-up epochs</source>
        <translation>Temperatur-Aufwärmepochen</translation>
    </message>
    <message>
        <source>Global crop size</source>
        <translation>Größe globaler Ausschnitte</translation>
    </message>
    <message>
        <source>Side of the two global crops in pixels: 224 for ImageNet, 28 for Fashion-MNIST.</source>
        <translation>Seitenlänge der beiden globalen Ausschnitte in Pixeln: 224 für ImageNet, 28 für Fashion-MNIST.</translation>
    </message>
    <message>
        <source>Global crop scale</source>
        <translation>Skala globaler Ausschnitte</translation>
    </message>
    <message>
        <source>Local crops</source>
        <translation>Lokale Ausschnitte</translation>
    </message>
    <message>
        <source>Local crop size</source>
        <translation>Größe lokaler Ausschnitte</translation>
    </message>
    <message>
        <source>Side of the local crops in pixels: 96 for ImageNet; at least one patch.</source>
        <translation>Seitenlänge der lokalen Ausschnitte in Pixeln: 96 für ImageNet; mindestens ein Patch.</translation>
    </message>
    <message>
        <source>Local crop scale</source>
        <translation>Skala lokaler Ausschnitte</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Training epochs: 100 in the reference README, 300 in the boosted recipe.</source>
        <translation>Trainingsepochen: 100 im Referenz-README, 300 im verbesserten Rezept.</translation>
    </message>
    <message>
        <source>Learning-rate warm-up epochs</source>
        <translation>Lernraten-Aufwärmepochen</translation>
    </message>
    <message>
        <source>Frozen last layer (epochs)</source>
        <translation>Letzte Schicht eingefroren (Epochen)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Everything random follows from it, whatever the number of threads.</source>
        <translation>Alles Zufällige leitet sich daraus ab, unabhängig von der Anzahl der Threads.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Where the model runs: auto (the first GPU, else the CPU), cpu, cuda or cuda:N.</source>
        <translation>Wo das Modell läuft: auto (die erste GPU, sonst die CPU), cpu, cuda oder cuda:N.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>auto: bf16 autocast on CUDA while --use_fp16 is true, fp32 on the CPU; fp32; bf16; or fp16, autocast with a gradient scaler as the reference&apos;s --use_fp16.</source>
        <translation>auto: bf16-Autocast auf CUDA, solange --use_fp16 true ist, fp32 auf der CPU; fp32; bf16; oder fp16, Autocast mit Gradient-Scaler wie --use_fp16 der Referenz.</translation>
    </message>
    <message>
        <source>Mixed precision (--use_fp16)</source>
        <translation>Gemischte Genauigkeit (--use_fp16)</translation>
    </message>
    <message>
        <source>With --precision auto: mixed precision on CUDA.</source>
        <translation>Mit --precision auto: gemischte Genauigkeit auf CUDA.</translation>
    </message>
    <message>
        <source>CPU threads (0: all cores)</source>
        <translation>CPU-Threads (0: alle Kerne)</translation>
    </message>
    <message>
        <source>Threads for the model&apos;s CPU kernels; 0 uses all cores.</source>
        <translation>Threads für die CPU-Kernel des Modells; 0 verwendet alle Kerne.</translation>
    </message>
    <message>
        <source>CPU matrix products</source>
        <translation>CPU-Matrixprodukte</translation>
    </message>
    <message>
        <source>Who computes the linear layers in fp32 on the CPU. auto: oneDNN where LibTorch runs fp32 through it and the CPU is not Intel&apos;s, else ATen&apos;s BLAS (MKL); aten; onednn. dino bench step compares them on your CPU.</source>
        <translation>Welche Bibliothek die linearen Schichten in fp32 auf der CPU berechnet. auto: oneDNN, wo LibTorch fp32 darüber ausführt und die CPU nicht von Intel ist, sonst das BLAS von ATen (MKL); aten; onednn. dino bench step vergleicht sie auf Ihrer CPU.</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Checkpoints, config.json, metrics.jsonl, log.txt and train.log. A folder with a checkpoint.pth resumes from it.</source>
        <translation>Checkpoints, config.json, metrics.jsonl, log.txt und train.log. Enthält der Ordner eine checkpoint.pth, wird von ihr aus fortgesetzt.</translation>
    </message>
    <message>
        <source>Keep a checkpoint every N epochs</source>
        <translation>Checkpoint alle N Epochen behalten</translation>
    </message>
    <message>
        <source>Also checkpoint every N steps</source>
        <translation>Zusätzlich Checkpoint alle N Schritte</translation>
    </message>
    <message>
        <source>Also write checkpoint.pth every N iterations; 0: at the end of each epoch only.</source>
        <translation>checkpoint.pth zusätzlich alle N Iterationen schreiben; 0: nur am Ende jeder Epoche.</translation>
    </message>
    <message>
        <source>Progress line every N steps</source>
        <translation>Fortschrittszeile alle N Schritte</translation>
    </message>
    <message>
        <source>The command line prints a progress line every N iterations.</source>
        <translation>Die Befehlszeile gibt alle N Iterationen eine Fortschrittszeile aus.</translation>
    </message>
    <message>
        <source>k-NN evaluation</source>
        <translation>k-NN-Auswertung</translation>
    </message>
    <message>
        <source>Weighted 20-NN top-1 accuracy of the teacher on a labelled set, before training and after the last epoch.</source>
        <translation>Gewichtete 20-NN-Top-1-Genauigkeit des Lehrers auf einem gelabelten Datensatz, vor dem Training und nach der letzten Epoche.</translation>
    </message>
    <message>
        <source>k-NN every N epochs</source>
        <translation>k-NN alle N Epochen</translation>
    </message>
    <message>
        <source>Also evaluate every N epochs; 0: at the start and the end only.</source>
        <translation>Zusätzlich alle N Epochen auswerten; 0: nur am Anfang und am Ende.</translation>
    </message>
    <message>
        <source>k-NN data</source>
        <translation>k-NN-Daten</translation>
    </message>
    <message>
        <source>Labelled data for k-NN: train/ and val/ class folders or MNIST layout; empty uses --data_path when it has them.</source>
        <translation>Gelabelte Daten für k-NN: Klassenordner train/ und val/ oder MNIST-Struktur; leer verwendet --data_path, sofern es diese enthält.</translation>
    </message>
    <message>
        <source>k-NN bank size</source>
        <translation>Größe der k-NN-Bank</translation>
    </message>
    <message>
        <source>Training images in the k-NN bank; at least 20 (k).</source>
        <translation>Trainingsbilder in der k-NN-Bank; mindestens 20 (k).</translation>
    </message>
    <message>
        <source>k-NN test images</source>
        <translation>k-NN-Testbilder</translation>
    </message>
    <message>
        <source>Test images evaluated.</source>
        <translation>Anzahl der ausgewerteten Testbilder.</translation>
    </message>
    <message>
        <source>Threads decoding and augmenting images, per GPU.</source>
        <translation>Threads, die Bilder dekodieren und augmentieren, pro GPU.</translation>
    </message>
    <message>
        <source>ViT size. The reference README trains vit_small; deit_tiny and deit_small, the reference&apos;s other names for vit_tiny and vit_small, are accepted too.</source>
        <translation>ViT-Größe. Das Referenz-README trainiert vit_small; deit_tiny und deit_small, die anderen Namen der Referenz für vit_tiny und vit_small, werden ebenfalls akzeptiert.</translation>
    </message>
    <message>
        <source>Pixels per patch side. 8 gives finer attention maps than 16 at about 4x the cost.</source>
        <translation>Pixel pro Patch-Seite. 8 liefert feinere Attention-Karten als 16, bei etwa 4-fachen Kosten.</translation>
    </message>
    <message>
        <source>Stochastic depth (drop-path rate) of the student; the teacher has none.</source>
        <translation>Stochastische Tiefe (Drop-Path-Rate) des Schülers; der Lehrer hat keine.</translation>
    </message>
    <message>
        <source>Dimension K of the DINO head&apos;s output; smaller for small data.</source>
        <translation>Dimension K der Ausgabe des DINO-Kopfes; kleiner für kleine Datensätze.</translation>
    </message>
    <message>
        <source>Width of the DINO head&apos;s MLP.</source>
        <translation>Breite des MLP im DINO-Kopf.</translation>
    </message>
    <message>
        <source>Bottleneck before the head&apos;s last layer.</source>
        <translation>Bottleneck vor der letzten Schicht des Kopfes.</translation>
    </message>
    <message>
        <source>Layers of the DINO head&apos;s MLP.</source>
        <translation>Schichten des MLP im DINO-Kopf.</translation>
    </message>
    <message>
        <source>Peak learning rate for a batch of 256, scaled linearly with the batch and reached after the warm-up.</source>
        <translation>Spitzen-Lernrate für einen Batch von 256, linear mit dem Batch skaliert und nach der Aufwärmphase erreicht.</translation>
    </message>
    <message>
        <source>End of the learning rate&apos;s cosine decay (not scaled with the batch).</source>
        <translation>Endwert des Kosinus-Abfalls der Lernrate (nicht mit dem Batch skaliert).</translation>
    </message>
    <message>
        <source>Initial weight decay, rising on a cosine to the end value. Biases and norms are exempt.</source>
        <translation>Anfängliche Gewichtsabnahme, die entlang eines Kosinus auf den Endwert steigt. Biases und Normalisierungsschichten sind ausgenommen.</translation>
    </message>
    <message>
        <source>Final weight decay of the cosine.</source>
        <translation>Endwert der Gewichtsabnahme im Kosinus-Verlauf.</translation>
    </message>
    <message>
        <source>Per-parameter gradient norm limit; 0 disables clipping.</source>
        <translation>Grenze der Gradientennorm pro Parameter; 0 schaltet die Begrenzung ab.</translation>
    </message>
    <message>
        <source>Images per step (per GPU).</source>
        <translation>Bilder pro Schritt (pro GPU).</translation>
    </message>
    <message>
        <source>Base EMA momentum of the teacher, raised to 1 by a cosine; lower (0.99) for short runs or small batches.</source>
        <translation>Basis-EMA-Momentum des Lehrers, per Kosinus auf 1 angehoben; niedriger (0.99) für kurze Läufe oder kleine Batches.</translation>
    </message>
    <message>
        <source>Teacher temperature at epoch 0. Too high makes the teacher&apos;s output uniform.</source>
        <translation>Lehrertemperatur in Epoche 0. Ein zu hoher Wert macht die Ausgabe des Lehrers gleichförmig.</translation>
    </message>
    <message>
        <source>Teacher temperature after the warm-up (0.07 in the boosted recipe; above 0.07 is unstable).</source>
        <translation>Lehrertemperatur nach der Aufwärmphase (0.07 im verbesserten Rezept; über 0.07 instabil).</translation>
    </message>
    <message>
        <source>Epochs of the linear teacher temperature warm-up (30 in the boosted recipe); at most --epochs.</source>
        <translation>Epochen der linearen Aufwärmphase der Lehrertemperatur (30 im verbesserten Rezept); höchstens --epochs.</translation>
    </message>
    <message>
        <source>Area range of the two global crops, two numbers min max; 0.14 1.0 without local crops.</source>
        <translation>Flächenbereich der beiden globalen Ausschnitte, zwei Zahlen min max; 0.14 1.0 ohne lokale Ausschnitte.</translation>
    </message>
    <message>
        <source>Number of small local crops; 0 disables multi-crop.</source>
        <translation>Anzahl kleiner lokaler Ausschnitte; 0 schaltet Multi-Crop ab.</translation>
    </message>
    <message>
        <source>Area range of the local crops, two numbers min max.</source>
        <translation>Flächenbereich der lokalen Ausschnitte, zwei Zahlen min max.</translation>
    </message>
    <message>
        <source>Epochs of the linear learning-rate warm-up from 0.</source>
        <translation>Epochen der linearen Aufwärmphase der Lernrate ab 0.</translation>
    </message>
    <message>
        <source>The head&apos;s last layer does not train for this many epochs. Raise it if training is unstable.</source>
        <translation>Die letzte Schicht des Kopfes wird so viele Epochen lang nicht trainiert. Erhöhen Sie den Wert, wenn das Training instabil ist.</translation>
    </message>
    <message>
        <source>A numbered checkpointNNNN.pth every N epochs; 0 never.</source>
        <translation>Eine nummerierte checkpointNNNN.pth alle N Epochen; 0: nie.</translation>
    </message>
    <message>
        <source>Time budget</source>
        <translation>Zeitbudget</translation>
    </message>
    <message>
        <source>A wall-clock budget such as 10m or 1h30m (empty: none). The run times a few steps first; when the recipe&apos;s epochs do not fit it trains each on fewer images, spread over the data, and when more fit it adds epochs, so that the schedules finish within the budget. A resumed run keeps the plan.</source>
        <translation>Ein Budget an realer Laufzeit wie 10m oder 1h30m (leer: keines). Der Lauf misst zuerst einige Schritte; passen die Epochen des Rezepts nicht hinein, trainiert er jede auf weniger Bildern, verteilt über die Daten, und passen mehr hinein, fügt er Epochen hinzu, sodass die Zeitpläne innerhalb des Budgets enden. Ein fortgesetzter Lauf behält den Plan bei.</translation>
    </message>
    <message>
        <source>Rendezvous of several processes</source>
        <translation>Treffpunkt mehrerer Prozesse</translation>
    </message>
    <message>
        <source>How the processes of a distributed run meet: env:// reads the variables torchrun or Slurm set (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT; SLURM_PROCID, SLURM_NTASKS); tcp://host:port names rank 0&apos;s machine. Without those variables the run is one process.</source>
        <translation>Wie sich die Prozesse eines verteilten Laufs finden: env:// liest die Variablen, die torchrun oder Slurm setzen (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT; SLURM_PROCID, SLURM_NTASKS); tcp://host:port nennt den Rechner von Rang 0. Ohne diese Variablen läuft der Lauf als ein Prozess.</translation>
    </message>
    <message>
        <source>Local rank (ignored)</source>
        <translation>Lokaler Rang (ignoriert)</translation>
    </message>
    <message>
        <source>Accepted for the reference&apos;s launch commands and ignored, as the reference does: the GPU of each process follows LOCAL_RANK or SLURM_LOCALID.</source>
        <translation>Für die Startbefehle der Referenz angenommen und, wie dort, ignoriert: die GPU jedes Prozesses folgt LOCAL_RANK oder SLURM_LOCALID.</translation>
    </message>
    <message>
        <source>Wait for other processes (s)</source>
        <translation>Auf andere Prozesse warten (s)</translation>
    </message>
    <message>
        <source>Seconds a process of a distributed run waits for the others, at the start and at every exchange, before it stops and names the ranks that did not answer.</source>
        <translation>Sekunden, die ein Prozess eines verteilten Laufs beim Start und bei jedem Austausch auf die anderen wartet, bevor er anhält und die Ränge nennt, die nicht geantwortet haben.</translation>
    </message>
    <message>
        <source>Processes on this machine</source>
        <translation>Prozesse auf diesem Rechner</translation>
    </message>
    <message>
        <source>Processes the desktop app starts for one run, as torchrun --nproc_per_node: one per GPU (each takes its own), or CPU processes that share the cores. dino train is one process: start several with torchrun --nproc_per_node N --no-python dino train, or with srun.</source>
        <translation>Prozesse, die die Desktop-App für einen Lauf startet, wie torchrun --nproc_per_node: einer je GPU (jeder nimmt seine eigene) oder CPU-Prozesse, die sich die Kerne teilen. dino train ist ein Prozess: mehrere startet torchrun --nproc_per_node N --no-python dino train oder srun.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>&lt;h2&gt;DINO Studio&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;DINO Studio&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Train DINO self-supervised vision transformers on your own images, and watch them learn: loss and schedules, collapse warnings, the crops they train on, and where every attention head looks.</source>
        <translation>Trainieren Sie selbstüberwachte DINO-Vision-Transformer auf Ihren eigenen Bildern und sehen Sie ihnen beim Lernen zu: Verlust und Zeitpläne, Kollaps-Warnungen, die Ausschnitte, auf denen sie trainieren, und wohin jeder Aufmerksamkeitskopf schaut.</translation>
    </message>
    <message>
        <source>Run the Fashion-MNIST demo</source>
        <translation>Fashion-MNIST-Demo starten</translation>
    </message>
    <message>
        <source>Train on my image folder...</source>
        <translation>Auf eigenem Bilderordner trainieren...</translation>
    </message>
    <message>
        <source>Choose a folder of images (sub-folders as classes, or none) and set up a run.</source>
        <translation>Wählen Sie einen Bilderordner (Unterordner als Klassen, oder keine) und richten Sie einen Lauf ein.</translation>
    </message>
    <message>
        <source>Look inside a trained model...</source>
        <translation>In ein trainiertes Modell schauen...</translation>
    </message>
    <message>
        <source>Open weights or a checkpoint and see each head&apos;s attention on your images.</source>
        <translation>Öffnen Sie Gewichte oder einen Checkpoint und sehen Sie die Aufmerksamkeit jedes Kopfes auf Ihren Bildern.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Released DINO models&lt;/b&gt; (trained on ImageNet; accuracy from the reference&apos;s README)</source>
        <translation>&lt;b&gt;Veröffentlichte DINO-Modelle&lt;/b&gt; (auf ImageNet trainiert; Genauigkeit laut README der Referenz)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>k-NN top-1</source>
        <translation>k-NN Top-1</translation>
    </message>
    <message>
        <source>Linear top-1</source>
        <translation>Linear Top-1</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <source>Full checkpoint</source>
        <translation>Vollständiger Checkpoint</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Downloads go to %1</source>
        <translation>Downloads landen in %1</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Open a Downloaded File...</source>
        <translation>Heruntergeladene Datei öffnen...</translation>
    </message>
    <message>
        <source>Open DINO weights</source>
        <translation>DINO-Gewichte öffnen</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch-Gewichte (*.pth *.pt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open (%1)</source>
        <translation>Öffnen (%1)</translation>
    </message>
    <message>
        <source>Resume (%1 so far)</source>
        <translation>Fortsetzen (bisher %1)</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download (%1)</source>
        <translation>Herunterladen (%1)</translation>
    </message>
    <message>
        <source>Downloading %1 (%2) from %3</source>
        <translation>Lade %1 (%2) von %3 herunter</translation>
    </message>
    <message>
        <source>full checkpoint</source>
        <translation>vollständiger Checkpoint</translation>
    </message>
    <message>
        <source>backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Downloaded %1%2. SHA-256 %3 (kept beside the file).</source>
        <translation>%1 heruntergeladen%2. SHA-256 %3 (neben der Datei gespeichert).</translation>
    </message>
    <message>
        <source>, resumed at %1</source>
        <translation>, fortgesetzt bei %1</translation>
    </message>
    <message>
        <source>Without a network, fetch &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; on another machine and open it with Open a Downloaded File.</source>
        <translation>Ohne Netzwerk laden Sie &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; auf einem anderen Rechner herunter und öffnen die Datei mit „Heruntergeladene Datei öffnen“.</translation>
    </message>
    <message>
        <source>A small ViT learns Fashion-MNIST on a CPU in about 12 minutes.</source>
        <translation>Ein kleiner ViT lernt Fashion-MNIST auf einer CPU in etwa 12 Minuten.</translation>
    </message>
    <message>
        <source>Checking the SHA-256...</source>
        <translation>SHA-256 wird geprüft...</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Train DINO vision transformers and watch them learn.</source>
        <translation>DINO-Vision-Transformer trainieren und ihnen beim Lernen zusehen.</translation>
    </message>
    <message>
        <source>Start from the Fashion-MNIST demo settings.</source>
        <translation>Mit den Einstellungen der Fashion-MNIST-Demo beginnen.</translation>
    </message>
    <message>
        <source>Load settings from a JSON file.</source>
        <translation>Einstellungen aus einer JSON-Datei laden.</translation>
    </message>
    <message>
        <source>Follow the run in an output folder.</source>
        <translation>Den Lauf in einem Ausgabeordner verfolgen.</translation>
    </message>
    <message>
        <source>Press Start once the data is scanned.</source>
        <translation>Start drücken, sobald die Daten durchsucht sind.</translation>
    </message>
    <message>
        <source>When the run ends, export every figure to a folder and quit.</source>
        <translation>Nach Ende des Laufs alle Abbildungen in einen Ordner exportieren und beenden.</translation>
    </message>
    <message>
        <source>Output folder of the run.</source>
        <translation>Ausgabeordner des Laufs.</translation>
    </message>
    <message>
        <source>Open an image in the attention explorer (repeatable).</source>
        <translation>Ein Bild im Aufmerksamkeits-Explorer öffnen (mehrfach angebbar).</translation>
    </message>
    <message>
        <source>Weights or a training checkpoint for the attention explorer.</source>
        <translation>Gewichte oder ein Trainings-Checkpoint für den Aufmerksamkeits-Explorer.</translation>
    </message>
    <message>
        <source>After ten seconds, save the window as a PNG and quit.</source>
        <translation>Nach zehn Sekunden das Fenster als PNG speichern und beenden.</translation>
    </message>
    <message>
        <source>The tab to show: welcome, dashboard, runs, schedules, crops, attention, evaluate or log.</source>
        <translation>Der anzuzeigende Reiter: welcome, dashboard, runs, schedules, crops, attention, evaluate oder log.</translation>
    </message>
    <message>
        <source>Weights shown beside --weights in the attention explorer (another run&apos;s teacher), with their difference.</source>
        <translation>Gewichte, die der Attention-Explorer neben --weights zeigt (der Lehrer eines anderen Laufs), mit ihrer Differenz.</translation>
    </message>
</context>
</TS>
