package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;

/** A link that downloads CSV made when it is clicked (so it holds what the service says then). */
public final class CsvDownload {

    private CsvDownload() {
    }

    /** A "cycle" such as 2026/27 in a file name: "2026-27". */
    public static String fileName(String prefix, String cycleName) {
        return prefix + "-" + cycleName.replace('/', '-') + ".csv";
    }

    public static Anchor link(String label, String fileName, SerializableSupplier<byte[]> csv) {
        var link = new Anchor(DownloadHandler.fromInputStream(event -> {
            var bytes = csv.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv;charset=UTF-8", bytes.length);
        }), AttachmentType.DOWNLOAD, label);
        link.addClassName("download");
        return link;
    }
}
