package org.rota.web.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.rota.web.grid.WeekGrid;

/** A week page: the grid, how it is filtered and laid out, and who looks at it. */
public record WeekView(WeekGrid grid, List<String> departments, String layout, String procedure, String clinician,
        Viewer viewer) {

    public boolean listLayout() {
        return "list".equals(layout);
    }

    /** The page's own URL for another Monday (filters kept): bookmarkable. */
    public String weekUrl(Object monday) {
        return "/rota/" + encode(grid.department()) + "/" + monday + query(layout);
    }

    public String layoutUrl(String otherLayout) {
        return "/rota/" + encode(grid.department()) + "/" + grid.monday() + query(otherLayout);
    }

    /** Where the live grid is read again from. */
    public String fragmentUrl() {
        return "/rota/" + encode(grid.department()) + "/" + grid.monday() + "/grid" + query(layout);
    }

    public String eventsUrl() {
        return "/rota/" + encode(grid.department()) + "/" + grid.monday() + "/events?weeks=" + grid.weeks();
    }

    private String query(String withLayout) {
        List<String> parts = new ArrayList<>();
        if (grid.weeks() != 1) {
            parts.add("weeks=" + grid.weeks());
        }
        if (procedure != null) {
            parts.add("procedure=" + encode(procedure));
        }
        if (clinician != null) {
            parts.add("clinician=" + encode(clinician));
        }
        if ("list".equals(withLayout)) {
            parts.add("layout=list");
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
