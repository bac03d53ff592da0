package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.function.Consumer;

/** An upload of one CSV file, held in memory and handed to the page on the UI thread. */
final class CsvUpload {

    private CsvUpload() {
    }

    static Upload of(String label, int maxBytes, Consumer<byte[]> onFile) {
        var upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            var ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> onFile.accept(data));
            }
        }));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(maxBytes);
        upload.setMaxFiles(1);
        upload.setI18n(plainEnglish(maxBytes));
        upload.getElement().setAttribute("aria-label", label);
        return upload;
    }

    /** What the upload says, in plain English rather than Vaadin's defaults ("Upload File...", "File is too big"). */
    private static UploadI18N plainEnglish(int maxBytes) {
        var limit = maxBytes >= 1_000_000 ? (maxBytes / 1_000_000) + " MB" : (maxBytes / 1_000) + " KB";
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne("Choose file").setMany("Choose files"))
                .setDropFiles(new UploadI18N.DropFiles().setOne("Drop a CSV file here").setMany("Drop CSV files here"))
                .setError(new UploadI18N.Error()
                        .setFileIsTooBig("The file is larger than " + limit + ". Choose a smaller CSV file.")
                        .setIncorrectFileType("The file must be a CSV file (ending .csv). Choose a CSV file.")
                        .setTooManyFiles("Choose one file at a time."))
                .setFile(new UploadI18N.File().setRetry("Try again").setStart("Start").setRemove("Remove"))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting("Connecting")
                                .setStalled("Stalled: the upload has stopped").setProcessing("Checking the file")
                                .setHeld("Waiting"))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix("Time left: ")
                                .setUnknown("Time left unknown"))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable("The service could not be reached. Try again in a few minutes.")
                                .setUnexpectedServerError("The file could not be uploaded. Try again.")
                                .setForbidden("The file could not be uploaded: you may have been signed out. Sign in "
                                        + "and try again.")))
                .setUnits(List.of("B", "KB", "MB", "GB", "TB"), 1000);
    }
}
