package org.storeline.web.app.sale;

import java.util.List;
import java.util.Optional;
import org.storeline.web.app.view.Shell;

/** Sales history: the filter form's values and choices, a page of sales, and where the next page starts. */
public record SalesListPage(
        Shell shell,
        SalesFilters filters,
        List<Choice> outlets,
        List<Choice> channels,
        List<Choice> statuses,
        List<Choice> payments,
        List<SaleRowView> rows,
        Optional<String> nextUrl,
        Optional<String> firstUrl,
        String clearUrl,
        String empty) {

    /** An option of a filter's menu. */
    public record Choice(String value, String label, boolean selected) {}
}
