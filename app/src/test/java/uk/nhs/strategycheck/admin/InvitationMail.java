package uk.nhs.strategycheck.admin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Reads invitation emails the application sent to GreenMail in the tests. */
public final class InvitationMail {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/activate/([A-Za-z0-9_-]{43})");

    private InvitationMail() {
    }

    /** The newest email to the address, waiting a few seconds for it to arrive. */
    public static MimeMessage newestTo(GreenMail mail, String address) {
        for (int attempt = 0; attempt < 50; attempt++) {
            var found = Arrays.stream(mail.getReceivedMessages())
                    .filter(message -> to(message).contains(address.toLowerCase()))
                    .reduce((first, second) -> second);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No email to " + address);
    }

    /** The token of the activation link in the newest email to the address. */
    public static String tokenSentTo(GreenMail mail, String address) {
        var body = GreenMailUtil.getBody(newestTo(mail, address)).replace("=\r\n", "");
        var link = LINK.matcher(body);
        if (!link.find()) {
            throw new AssertionError("No activation link in the email to " + address + ":\n" + body);
        }
        return link.group(1);
    }

    private static String to(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients()).toLowerCase();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
