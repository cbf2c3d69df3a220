/** ra-data-simple-rest on /api (sort, range, filter and Content-Range), with the bearer token and field errors. */
import simpleRestProvider from 'ra-data-simple-rest';
import { httpClient } from './http';

export const dataProvider = simpleRestProvider('/api', httpClient);
