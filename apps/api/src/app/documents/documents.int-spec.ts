import { describeDocuments } from './documents.suite';

describeDocuments('disk');
