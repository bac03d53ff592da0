package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A date field that reads and shows dates as day/month/year, with a hint that says so by example,
 * so the hint, what the field shows and what it accepts agree.
 */
final class UkDatePicker {

    private UkDatePicker() {
    }

    /** A date field; the hint says what the day is, and an example in the field's own format follows. */
    static DatePicker of(String label, String hint, LocalDate example) {
        var picker = new DatePicker(label);
        picker.setLocale(Locale.UK);
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setDateFormats("d/M/yyyy", "d/M/yy", "d.M.yyyy", "yyyy-MM-dd")
                .setFirstDayOfWeek(1)
                .setToday("Today")
                .setCancel("Cancel")
                .setMonthNames(List.of("January", "February", "March", "April", "May", "June", "July",
                        "August", "September", "October", "November", "December"))
                .setWeekdays(List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                        "Saturday"))
                .setWeekdaysShort(List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")));
        picker.setHelperText((hint == null ? "" : hint + ". ") + "For example, " + example.getDayOfMonth() + "/"
                + example.getMonthValue() + "/" + example.getYear());
        return picker;
    }
}
