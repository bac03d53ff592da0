package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
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
        upload.getElement().setAttribute("aria-label", label);
        return upload;
    }
}
