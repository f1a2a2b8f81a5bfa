import { describeDocuments } from './documents.suite';

describeDocuments('s3');
