import { PostgresEventStore } from "@samvirke/event-store/postgres"; console.log(typeof PostgresEventStore);
