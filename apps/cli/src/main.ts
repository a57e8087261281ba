import { encodePosition } from "@samvirke/event-store"; console.log(encodePosition(1n,2n));
