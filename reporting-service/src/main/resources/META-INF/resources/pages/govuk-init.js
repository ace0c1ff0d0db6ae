// GOV.UK Frontend's start-up, as a file so the Content Security Policy needs no inline script:
// the classes its template's inline script would add, then every component on the page.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
