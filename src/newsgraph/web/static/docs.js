// Starts Swagger UI (from the swagger-ui-bundle package) on this server's OpenAPI document.
"use strict";
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
