package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.Component;

/**
 * Keeps the focused element in sight (WCAG 2.2, focus not obscured): when Tab or Shift+Tab
 * moves focus to an element that is cut off by the bottom of the window, or lies under the
 * page header or the sticky score bar, it is scrolled to the middle of the window. Browsers
 * scroll a focused element only when it is wholly out of view, and the page scrolls inside the
 * application layout, whose scroll padding the page's own cannot set.
 */
final class FocusInSight {

    private FocusInSight() {
    }

    /**
     * Focus starts at the page's main content once it is shown, where the skip link would take it,
     * rather than being lost with the link on the previous page that led here.
     */
    static void startAt(Component page) {
        page.getElement().executeJs("this.focus({preventScroll: true})");
    }

    static void keep(Component page) {
        page.getElement().executeJs("""
                this.addEventListener('focusin', event => {
                  const focused = event.composedPath()[0];
                  requestAnimationFrame(() => {
                    const box = focused.getBoundingClientRect();
                    let clearFrom = 0;
                    const layout = document.querySelector('vaadin-app-layout');
                    const navbar = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part~="navbar"]');
                    for (const bar of [navbar, ...document.querySelectorAll('.live-summary')]) {
                      if (bar && !bar.contains(focused)) {
                        clearFrom = Math.max(clearFrom, bar.getBoundingClientRect().bottom);
                      }
                    }
                    if (box.top < clearFrom || box.bottom > window.innerHeight) {
                      focused.scrollIntoView({block: 'center', inline: 'nearest'});
                    }
                  });
                });""");
    }
}
